// The live stream: one EventSource on api/stream, kept alive by us rather than by the browser alone.
// Reopened (backing off 0.5 s → 5 s) when it fails, when no event came for three heartbeats (a dead
// connection after a sleeping laptop or a network change), when the tab shows again after being hidden, and
// when the browser comes back online. Every (re)connection starts with `hello` and `snapshot`, so nothing is
// missed. A failure with the session gone (api/session → 401) hands over to the login form.

import {fetchSession} from './api.js';

const MIN_BACKOFF = 500;
const MAX_BACKOFF = 5000;
const WATCH_EVERY = 1000;

export class Stream {
  /**
   * @param handlers {onHello(data, reconnected), onSnapshot(points), onValues(points), onModel(data),
   *                  onPing(data), onUserLog(data), onStatus(state, detail), onSessionLost()}
   */
  constructor(handlers) {
    this.h = handlers;
    this.es = null;
    this.running = false;
    this.heartbeat = 5000;
    this.lastEvent = 0;
    this.backoff = MIN_BACKOFF;
    this.failures = 0;
    this.connections = 0;
    this.retryTimer = 0;
    this.watchTimer = 0;
    this.state = '';
    this.onVisibility = () => {
      if (document.hidden) {
        this.hiddenAt = Date.now();
      } else if (this.hiddenAt) {
        this.hiddenAt = 0;
        this.reconnect('tab visible again');
      }
    };
    this.onOnline = () => {
      this.backoff = MIN_BACKOFF;
      this.reconnect('back online');
    };
    this.onOffline = () => this.status('offline', 'browser offline');
  }

  start() {
    if (this.running) {
      return;
    }
    this.running = true;
    this.hiddenAt = document.hidden ? Date.now() : 0;
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.watchTimer = setInterval(() => this.watch(), WATCH_EVERY);
    this.open();
  }

  stop() {
    this.running = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearInterval(this.watchTimer);
    clearTimeout(this.retryTimer);
    this.close();
  }

  /** Closes the connection and opens a new one at once. */
  reconnect(reason) {
    if (!this.running) {
      return;
    }
    console.info(`kervi stream: reconnecting (${reason})`);
    clearTimeout(this.retryTimer);
    this.retryTimer = 0;
    this.close();
    this.open();
  }

  open() {
    this.status(navigator.onLine === false ? 'offline' : 'connecting', 'connecting');
    const es = new EventSource('api/stream');
    this.es = es;
    this.lastEvent = Date.now();
    const on = (name, fn) => es.addEventListener(name, (event) => {
      if (this.es !== es) {
        return; // a late event of a connection we left
      }
      this.lastEvent = Date.now();
      let data = null;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        console.warn('kervi stream: bad event data', name, e);
        return;
      }
      fn(data);
    });
    on('hello', (data) => {
      if (typeof data.heartbeatMillis === 'number' && data.heartbeatMillis > 0) {
        this.heartbeat = data.heartbeatMillis;
      }
      this.backoff = MIN_BACKOFF;
      this.failures = 0;
      this.connections++;
      this.status('live');
      this.h.onHello(data, this.connections > 1);
    });
    on('snapshot', (data) => this.h.onSnapshot(data));
    on('values', (data) => this.h.onValues(data));
    on('model', (data) => this.h.onModel(data));
    on('ping', (data) => this.h.onPing(data));
    on('userlog', (data) => this.h.onUserLog && this.h.onUserLog(data));
    es.onerror = () => {
      if (this.es !== es) {
        return;
      }
      // The browser would retry by itself (readyState CONNECTING) or has given up (CLOSED, e.g. on a 401);
      // either way we take over, so that backoff, session checks and the status are ours.
      this.close();
      this.fail();
    };
  }

  close() {
    if (this.es) {
      this.es.onerror = null;
      this.es.close();
      this.es = null;
    }
  }

  async fail() {
    this.failures++;
    this.status(navigator.onLine === false || this.failures >= 3 ? 'offline' : 'connecting', 'connection lost');
    const delay = this.backoff;
    this.backoff = Math.min(MAX_BACKOFF, this.backoff * 2);
    try {
      const session = await fetchSession();
      if (!session) {
        this.stop();
        this.h.onSessionLost();
        return;
      }
    } catch (e) {
      // Server not reachable: keep trying.
    }
    if (!this.running || this.es) {
      return;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = 0;
      if (this.running && !this.es) {
        this.open();
      }
    }, delay);
  }

  watch() {
    if (!this.es || !this.running) {
      return;
    }
    const silent = Date.now() - this.lastEvent;
    if (silent > 3 * this.heartbeat) {
      this.reconnect(`no event for ${silent} ms`);
    }
  }

  status(state, detail) {
    if (state !== this.state || detail) {
      this.state = state;
      this.h.onStatus(state, detail || state);
    }
  }
}
