// The first-run page: posts the first administrator's password (and the one-time token, if any) to ./setup.
const form = document.getElementById('setup-form');
const message = document.getElementById('setup-message');
const token = new URLSearchParams(location.search).get('token');
if (token) {
  document.getElementById('setup-token').value = token;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const user = document.getElementById('setup-user').value.trim();
  const password = document.getElementById('setup-password').value;
  if (password !== document.getElementById('setup-again').value) {
    message.textContent = 'The two passwords differ.';
    return;
  }
  const body = {user, password};
  const typed = document.getElementById('setup-token').value.trim();
  if (typed) {
    body.token = typed;
  }
  const response = await fetch('setup', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const answer = await response.json().catch(() => ({error: `HTTP ${response.status}`}));
  if (!response.ok) {
    message.textContent = answer.error;
    return;
  }
  form.replaceChildren();
  const done = document.createElement('p');
  done.textContent = `Password of '${answer.user}' set. `;
  const link = document.createElement('a');
  link.href = answer.signIn;
  link.textContent = 'Sign in';
  done.append(link);
  form.append(done);
});
