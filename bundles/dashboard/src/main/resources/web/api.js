// The JSON API (docs/dashboard-api.md): relative URLs under the page's base path, the session's CSRF token on
// state-changing requests, and one place where a lost session (401) is noticed.

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `HTTP ${status}`);
    this.status = status;
    this.kind = body && body.kind;
    this.type = body && body.type;
  }
}

let session = null;
let onUnauthorized = () => {};

/** Called with no argument whenever the server says the session is gone. */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

export function currentSession() {
  return session;
}

async function request(method, path, body) {
  const headers = {Accept: 'application/json'};
  const init = {method, headers, credentials: 'same-origin', cache: 'no-store'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if ((method === 'POST' || method === 'PUT') && session && session.csrf) {
    headers['X-Kervi-Csrf'] = session.csrf;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, {error: 'server not reachable'});
  }
  const text = response.status === 204 ? '' : await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = {error: text.slice(0, 200)};
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && path !== 'api/login' && path !== 'api/session') {
      session = null;
      onUnauthorized();
    }
    throw error;
  }
  return data;
}

const enc = encodeURIComponent;

export async function login(user, password) {
  session = await request('POST', 'api/login', {user, password});
  return session;
}

/** The session, or null when not logged in. */
export async function fetchSession() {
  try {
    session = await request('GET', 'api/session');
  } catch (e) {
    if (e.status === 401) {
      session = null;
    } else {
      throw e;
    }
  }
  return session;
}

export async function logout() {
  try {
    await request('POST', 'api/logout', {});
  } finally {
    session = null;
  }
}

export const fetchModel = () => request('GET', 'api/model');
/** `GET api/history`: {id, from, to, source, downsampled, matched, note?, points: [[t, v]]}. */
export const fetchRange = (id, {from, to, points}) => request('GET', historyUrl('api/history', id, {from, to, points}));
export const historyCsvUrl = (id, range) => historyUrl('api/history.csv', id, range);
/** `GET api/health`: {serverTime, history: {installed, store, healthy, problem, …}}. */
export const fetchHealth = () => request('GET', 'api/health');

function historyUrl(path, id, {from, to, points}) {
  const q = [`id=${enc(id)}`];
  for (const [k, v] of Object.entries({from, to, points})) {
    if (v !== undefined && v !== null) {
      q.push(`${k}=${enc(String(v))}`);
    }
  }
  return `${path}?${q.join('&')}`;
}
export const writeValue = (id, value) => request('PUT', `api/values/${enc(id)}`, {value});
export const callAction = (id, args) => request('POST', `api/actions/${enc(id)}`, {args});
