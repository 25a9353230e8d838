// Boot: the session decides between the login form and the dashboards; then the model is loaded, rendered,
// and kept current by the live stream.

import * as api from './api.js';
import {setText} from './dom.js';
import {HealthPanel} from './health.js';
import {Layout} from './layout.js';
import {Store} from './model.js';
import {Stream} from './stream.js';
import {UserLogPanel} from './userlog.js';
import {forgetHistory, loadHistoryOnce} from './widgets/value.js';

const $ = (id) => document.getElementById(id);

const store = new Store();
let layout = null;
let health = null;
let userLog = null;
let stream = null;
let loading = null; // the model fetch in flight
let loadAgain = false;
let wasLive = false; // the stream was live once since the dashboards showed: losing it is news
let staleTimer = 0;
const STALE_AFTER_MS = 1000;

const STATUS_TEXT = {live: 'live', connecting: 'reconnecting…', offline: 'offline'};

function showLogin(message) {
  stopApp();
  $('boot').hidden = true;
  $('app').hidden = true;
  $('login').hidden = false;
  setText($('login-error'), message || '');
  $('login-submit').disabled = false;
  $('login-password').value = '';
  const user = $('login-user');
  (user.value ? $('login-password') : user).focus();
}

function stopApp() {
  if (stream) {
    stream.stop();
    stream = null;
  }
  if (layout) {
    layout.destroy();
    layout = null;
  }
  if (health) {
    health.stop();
    health = null;
  }
  if (userLog) {
    userLog.clear();
    userLog = null;
  }
  forgetHistory(store);
  store.reset();
  wasLive = false;
  clearTimeout(staleTimer);
  $('stale-banner').hidden = true;
}

async function startApp(session) {
  stopApp();
  $('boot').hidden = true;
  $('login').hidden = true;
  $('app').hidden = false;
  setText($('user-name'), session.user);
  $('user-name').title = (session.roles || []).join(', ') + (session.canWrite ? '' : ' (read-only)');
  $('logout').title = `Log out ${session.user}`;
  layout = new Layout(store, session);
  health = new HealthPanel($('health'));
  health.start();
  userLog = new UserLogPanel($('userlog'));
  setStatus('connecting');
  try {
    await loadModel();
  } catch (e) {
    if (e.status === 401) {
      return; // the handler shows the login form
    }
    console.error('model', e);
  }
  if (!layout) {
    return;
  }
  stream = new Stream({
    onHello: (hello, reconnected) => {
      if (!store.model || hello.version !== store.model.version) {
        loadModel().catch((e) => console.warn('model', e.message));
      }
      if (reconnected && layout) {
        // Points missed while disconnected are in the server's history: bring charts and sparklines up to date.
        for (const id of layout.reloadHistory()) {
          loadHistoryOnce(store, id, true);
        }
      }
    },
    onSnapshot: (points) => store.applyPoints(points),
    onValues: (points) => store.applyPoints(points),
    onModel: (m) => {
      if (!store.model || !m || m.version !== store.model.version) {
        loadModel().catch((e) => console.warn('model', e.message));
      }
    },
    onPing: (ping) => store.serverTime(ping && ping.t),
    onUserLog: (data) => userLog && userLog.apply(data),
    onStatus: (state, detail) => setStatus(state, detail),
    onSessionLost: () => showLogin('Your session ended — please sign in again.'),
  });
  stream.start();
}

/** Fetches the model and re-renders what changed; calls made while a fetch runs cause one more fetch. */
function loadModel() {
  if (loading) {
    loadAgain = true;
    return loading;
  }
  loading = (async () => {
    try {
      do {
        loadAgain = false;
        const model = await api.fetchModel();
        if (!layout) {
          return;
        }
        store.setModel(model);
        layout.render();
      } while (loadAgain);
    } finally {
      loading = null;
    }
  })();
  return loading;
}

function setStatus(state, detail) {
  const el = $('stream-status');
  el.dataset.state = state;
  document.body.dataset.stream = state;
  setText(el.querySelector('.stream-label'), STATUS_TEXT[state] || state);
  el.title = state === 'live' ? 'Live updates' : `Live updates: ${detail || state}`;
  // Every widget greys and disables its controls while the stream is not live. A reconnect made on purpose (the
  // tab shown again) is usually live again within STALE_AFTER_MS: no flicker for it.
  if (state === 'live' || state === 'offline' || !wasLive || !store.live) {
    clearTimeout(staleTimer);
    staleTimer = 0;
    markLive(state);
  } else if (!staleTimer) {
    staleTimer = setTimeout(() => {
      staleTimer = 0;
      markLive($('stream-status').dataset.state);
    }, STALE_AFTER_MS);
  }
}

function markLive(state) {
  store.setLive(state === 'live');
  wasLive = wasLive || state === 'live';
  showStaleBanner(state);
}

const clockTime = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit', second: '2-digit'});

/** Says in words, above the dashboard, that what it shows is old and why nothing can be switched. */
function showStaleBanner(state) {
  const banner = $('stale-banner');
  banner.hidden = state === 'live' || !wasLive;
  banner.dataset.state = state;
  if (!banner.hidden) {
    const since = clockTime.format(new Date(store.staleSince || Date.now()));
    setText(banner, `${state === 'offline' ? 'Offline' : 'Reconnecting'} since ${since}: values are the last `
        + 'known ones and may be stale; controls are disabled until the connection is back.');
  }
}

async function onLogin(event) {
  event.preventDefault();
  const user = $('login-user').value.trim();
  const password = $('login-password').value;
  if (!user) {
    setText($('login-error'), 'Enter a user name.');
    $('login-user').focus();
    return;
  }
  const button = $('login-submit');
  button.disabled = true;
  setText($('login-error'), '');
  try {
    const session = await api.login(user, password);
    await startApp(session);
  } catch (e) {
    button.disabled = false;
    setText($('login-error'), e.status === 401 ? e.message || 'wrong user name or password' : e.message);
    $('login-password').select();
  }
}

async function onLogout() {
  $('logout').disabled = true;
  if (stream) {
    stream.stop();
    stream = null;
  }
  try {
    await api.logout();
  } catch (e) {
    console.warn('logout', e.message);
  } finally {
    $('logout').disabled = false;
    showLogin('');
  }
}

function boot() {
  api.setUnauthorizedHandler(() => showLogin('Your session ended — please sign in again.'));
  $('login-form').addEventListener('submit', onLogin);
  $('logout').addEventListener('click', onLogout);
  enter();
}

/** Shows the dashboards if the browser still has a session, else the login form. */
async function enter() {
  let session;
  try {
    session = await api.fetchSession();
  } catch (e) {
    setText($('boot'), `Cannot reach the server (${e.message}). Retrying…`);
    setTimeout(enter, 2000);
    return;
  }
  if (session) {
    await startApp(session);
  } else {
    showLogin('');
  }
}

boot();
