// The health section of the status bar: how the history store records (GET api/health, polled while the
// dashboards show). A failing store says so in red with its problem; values dropped because its queue was full
// show in yellow; without kervi-history the section says that charts have only the dashboard's memory.

import {fetchHealth} from './api.js';
import {h, setText} from './dom.js';

const POLL_MS = 5000;
const count = new Intl.NumberFormat();
const clock = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit', second: '2-digit'});

export class HealthPanel {
  /** @param el the `<details id="health">` of the status bar */
  constructor(el) {
    this.el = el;
    this.summary = el.querySelector('summary');
    this.list = el.querySelector('dl');
    this.timer = 0;
    this.running = false;
  }

  start() {
    this.running = true;
    this.el.hidden = false;
    this.poll();
  }

  stop() {
    this.running = false;
    clearTimeout(this.timer);
    this.el.hidden = true;
  }

  async poll() {
    clearTimeout(this.timer);
    try {
      const health = await fetchHealth();
      if (this.running) {
        this.show(health && health.history, health && health.serverTime);
      }
    } catch (e) {
      if (e.status === 401) {
        return; // the login form takes over
      }
      this.el.dataset.state = 'unknown';
      setText(this.summary, 'history: unknown');
      this.el.title = `Health not available: ${e.message}`;
      this.list.replaceChildren();
    }
    if (this.running) {
      this.timer = setTimeout(() => this.poll(), POLL_MS);
    }
  }

  show(history, now) {
    if (!history || !history.installed) {
      this.el.dataset.state = 'absent';
      setText(this.summary, 'history: not installed');
      this.el.title = 'Charts show what the dashboard kept in memory; install the kervi-history feature to record '
          + 'values and show ranges up to 30 days';
      this.list.replaceChildren(...row('Store', 'none (feature kervi-history not installed)'));
      return;
    }
    const failing = !history.healthy;
    const dropped = Number(history.dropped) || 0;
    const since = history.problemSinceMillis ? ` since ${clock.format(new Date(history.problemSinceMillis))}` : '';
    this.el.dataset.state = failing ? 'failing' : dropped ? 'dropping' : 'ok';
    setText(this.summary, failing ? `history failing${since}: ${history.problem || 'unknown problem'}`
      : dropped ? `history ok · ${count.format(dropped)} dropped` : 'history ok');
    this.el.title = `History store ${history.store || ''}: ${failing ? 'failing' : 'recording'} — click for details`;
    const last = history.lastWriteMillis
      ? `${clock.format(new Date(history.lastWriteMillis))} (${ago(now, history.lastWriteMillis)})` : 'not yet';
    this.list.replaceChildren(
        ...row('Store', `${history.store || '?'} · ${history.location || ''}`),
        ...row('State', failing ? `failing${since}: ${history.problem || ''} (retrying)` : 'healthy'),
        ...row('Written', count.format(history.written || 0)),
        ...row('Queued', `${count.format(history.queued || 0)} of ${count.format(history.queueCapacity || 0)}`),
        ...row('Dropped', count.format(dropped)),
        ...row('Last write', last),
        ...row('Batch window', `${count.format(history.batchMillis || 0)} ms`));
  }
}

function row(name, value) {
  return [h('dt', {text: name}), h('dd', {text: value})];
}

function ago(now, then) {
  const s = Math.max(0, Math.round(((now || Date.now()) - then) / 1000));
  return s < 120 ? `${s} s ago` : `${Math.round(s / 60)} min ago`;
}
