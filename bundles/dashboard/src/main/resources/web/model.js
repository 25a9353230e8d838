// The client-side state: the model from GET api/model, the current state of every value, a bounded series of
// recent points per number value (for sparklines and charts), and module states. Widgets subscribe per id;
// notifications are batched into one animation frame however many values arrive.

export const SERIES_WINDOW_MS = 10 * 60 * 1000;
export const SERIES_MAX_POINTS = 2000;
/** How long a module that runs again may take to bring back its values before their widgets are dropped. */
export const GHOST_GRACE_MS = 10000;

const MODULE_VALUE = /^app\.module\.(.+)\.(state|restarts)$/;

export class Store {
  constructor() {
    this.reset();
  }

  reset() {
    this.model = null;
    this.states = new Map(); // id -> {v, t}
    this.series = new Map(); // id -> {ts: number[], vs: number[]}
    this.subscribers = new Map(); // id -> Set<fn>
    this.modules = new Map(); // name -> {name, state, restarts}
    this.owners = new Set(); // instances that own something in the model
    this.former = new Map(); // 'v:id' / 'a:id' -> {meta, owner, since}: left with their whole instance
    this.appState = '';
    this.serving = null; // module state keys whose module's values are live (the model's `moduleStates`)
    this.live = false; // the stream is connected: values are current and controls may act
    this.liveSince = 0;
    this.staleSince = 0;
    this.clockOffset = 0; // server time − browser time, from the stream's pings
    this.moduleListeners = new Set();
    this.dirty = new Set();
    this.modulesDirty = false;
    this.frame = 0;
  }

  // ---- model ------------------------------------------------------------------------------------------

  setModel(model) {
    const previous = this.model;
    this.model = model;
    for (const [id, meta] of Object.entries(model.values || {})) {
      if (meta.changedAt !== undefined && meta.changedAt !== null) {
        this.apply(id, meta.value, meta.changedAt);
      } else if (!this.states.has(id)) {
        this.states.set(id, {v: meta.value === undefined ? null : meta.value, t: 0});
      }
    }
    if (Array.isArray(model.moduleStates) && model.moduleStates.length) {
      this.serving = new Set(model.moduleStates.filter((s) => s && s.serving).map((s) => s.key));
    }
    this.modules = new Map();
    for (const m of model.modules || []) {
      this.modules.set(m.name, {name: m.name, state: m.state, restarts: m.restarts || 0});
    }
    this.appState = model.appState || '';
    // Module state values that came through the stream may be newer than the model.
    for (const [id, s] of this.states) {
      this.applyModuleValue(id, s.v);
    }
    this.owners = new Set();
    for (const e of [...Object.values(model.values || {}), ...Object.values(model.actions || {})]) {
      if (e.owner) {
        this.owners.add(e.owner);
      }
    }
    if (previous) {
      const now = Date.now();
      const remember = (prefix, before, after) => {
        for (const [id, meta] of Object.entries(before || {})) {
          if (!(after && after[id]) && !this.former.has(prefix + id)) {
            this.former.set(prefix + id, {meta, owner: meta.owner, since: now});
          }
        }
      };
      remember('v:', previous.values, model.values);
      remember('a:', previous.actions, model.actions);
    }
    this.pruneFormer();
    for (const id of [...this.series.keys()]) {
      if (!(model.values && model.values[id]) && !this.former.has(`v:${id}`)) {
        this.series.delete(id);
      }
    }
    this.modulesDirty = true;
    this.schedule();
  }

  /**
   * Values and actions that left together with their whole instance (a module restarting, an instance gone)
   * stay on the page, greyed, until their owner is back: forgotten once the owner has anything in the model
   * again (what did not come back is really gone), or once its module runs again and GHOST_GRACE_MS passed.
   * A single bundle uninstalled in a running instance takes its values away at once.
   * @return true while some are kept
   */
  pruneFormer() {
    const now = Date.now();
    for (const [key, f] of this.former) {
      const id = key.slice(2);
      const back = key[0] === 'v' ? this.model.values && this.model.values[id]
        : this.model.actions && this.model.actions[id];
      const m = this.modules.get(f.owner);
      const ownerBack = !f.owner || this.owners.has(f.owner);
      const graceOver = m && this.isServing(m.state) && now - f.since > GHOST_GRACE_MS;
      if (back || ownerBack || graceOver) {
        this.former.delete(key);
      }
    }
    return this.former.size > 0;
  }

  /** True for a value or action shown only because its instance left (see pruneFormer). */
  isGhost(kind, id) {
    return this.former.has(`${kind === 'action' ? 'a' : 'v'}:${id}`);
  }

  meta(id) {
    const meta = this.model && this.model.values ? this.model.values[id] : undefined;
    const former = meta ? null : this.former.get(`v:${id}`);
    return meta || (former ? former.meta : undefined);
  }

  action(id) {
    const meta = this.model && this.model.actions ? this.model.actions[id] : undefined;
    const former = meta ? null : this.former.get(`a:${id}`);
    return meta || (former ? former.meta : undefined);
  }

  link(id) {
    return this.model && this.model.links ? this.model.links[id] : undefined;
  }

  /** Whether a module in this state serves its values and actions (the model's `moduleStates`). */
  isServing(state) {
    return !this.serving || this.serving.has(String(state || '').split(':')[0]);
  }

  /**
   * What is wrong with the instance that owns a value or action: its module's state when that does not serve
   * (`unresponsive`, `stopped`, …), "disconnected" when the instance has left (nothing of it in the model),
   * else null.
   */
  ownerTrouble(owner) {
    if (!owner) {
      return null;
    }
    const m = this.modules.get(owner);
    if (m && !this.isServing(m.state)) {
      return m.state || 'unknown';
    }
    if (this.model && !this.owners.has(owner)) {
      return 'disconnected';
    }
    return null;
  }

  // ---- the stream ------------------------------------------------------------------------------------

  /**
   * The stream is live or not: while it is not, every value shown may be stale and every control is disabled.
   * Widgets hear of it as of a module change.
   */
  setLive(live) {
    if (live === this.live) {
      return;
    }
    this.live = live;
    if (live) {
      this.liveSince = Date.now();
      this.staleSince = 0;
    } else {
      this.staleSince = Date.now();
    }
    this.modulesDirty = true;
    this.schedule();
  }

  // ---- time -------------------------------------------------------------------------------------------

  /** The server's time now (epoch ms): charts place points by the server's clock, whatever the browser's. */
  serverNow() {
    return Date.now() + this.clockOffset;
  }

  /** A ping's server time: corrects for a browser clock that is off (a phone, say). */
  serverTime(t) {
    if (typeof t === 'number' && t > 0) {
      this.clockOffset = t - Date.now();
    }
  }

  // ---- values -----------------------------------------------------------------------------------------

  value(id) {
    const s = this.states.get(id);
    return s ? s.v : null;
  }

  changedAt(id) {
    const s = this.states.get(id);
    return s ? s.t : 0;
  }

  /** Points from the stream (`snapshot`, `values`): [{id, v, t}]. */
  applyPoints(points) {
    if (!Array.isArray(points)) {
      return;
    }
    for (const p of points) {
      if (p && typeof p.id === 'string') {
        this.apply(p.id, p.v, p.t);
      }
    }
  }

  apply(id, v, t) {
    const value = v === undefined ? null : v;
    const time = typeof t === 'number' ? t : this.serverNow();
    const old = this.states.get(id);
    if (old && old.t > time) {
      return; // an older state than the one we show
    }
    if (old && old.t === time && old.v === value) {
      return;
    }
    this.states.set(id, {v: value, t: time});
    if (typeof value === 'number') {
      this.pushPoint(id, time, value);
    }
    if (this.applyModuleValue(id, value)) {
      this.modulesDirty = true;
    }
    if (this.subscribers.has(id)) {
      this.dirty.add(id);
    }
    this.schedule();
  }

  applyModuleValue(id, value) {
    if (id === 'app.state') {
      if (typeof value === 'string' && value !== this.appState) {
        this.appState = value;
        return true;
      }
      return false;
    }
    const match = MODULE_VALUE.exec(id);
    if (!match || value === null) {
      return false;
    }
    const name = match[1];
    const m = this.modules.get(name) || {name, state: 'unknown', restarts: 0};
    const key = match[2];
    const next = key === 'state' ? String(value) : Number(value) || 0;
    if (m[key] === next) {
      return false;
    }
    m[key] = next;
    this.modules.set(name, m);
    return true;
  }

  // ---- series -----------------------------------------------------------------------------------------

  seriesOf(id) {
    let s = this.series.get(id);
    if (!s) {
      s = {ts: [], vs: []};
      this.series.set(id, s);
    }
    return s;
  }

  pushPoint(id, t, v) {
    const s = this.seriesOf(id);
    const n = s.ts.length;
    if (n && s.ts[n - 1] > t) {
      return;
    }
    if (n && s.ts[n - 1] === t) {
      s.vs[n - 1] = v;
      return;
    }
    s.ts.push(t);
    s.vs.push(v);
    trim(s, t);
  }

  /** Merges `GET api/history/{id}` points ([[t, v]], oldest first) with what the stream brought since. */
  mergeHistory(id, points) {
    if (!Array.isArray(points) || !points.length) {
      return;
    }
    const s = this.seriesOf(id);
    const ts = [];
    const vs = [];
    for (const p of points) {
      if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number'
          && (!ts.length || p[0] > ts[ts.length - 1])) {
        ts.push(p[0]);
        vs.push(p[1]);
      }
    }
    const last = ts.length ? ts[ts.length - 1] : -Infinity;
    for (let i = 0; i < s.ts.length; i++) {
      if (s.ts[i] > last) {
        ts.push(s.ts[i]);
        vs.push(s.vs[i]);
      }
    }
    s.ts = ts;
    s.vs = vs;
    trim(s, Math.max(this.serverNow(), ts.length ? ts[ts.length - 1] : 0));
    if (this.subscribers.has(id)) {
      this.dirty.add(id);
      this.schedule();
    }
  }

  // ---- subscriptions ----------------------------------------------------------------------------------

  subscribe(id, fn) {
    let set = this.subscribers.get(id);
    if (!set) {
      set = new Set();
      this.subscribers.set(id, set);
    }
    set.add(fn);
    return () => {
      set.delete(fn);
      if (!set.size && this.subscribers.get(id) === set) {
        this.subscribers.delete(id);
      }
    };
  }

  onModules(fn) {
    this.moduleListeners.add(fn);
    return () => this.moduleListeners.delete(fn);
  }

  schedule() {
    if (this.frame) {
      return;
    }
    if (document.hidden) {
      // No animation frames in a hidden tab; a timer keeps the state current for when it shows again.
      this.frame = setTimeout(() => this.flush(), 250);
    } else {
      this.frame = requestAnimationFrame(() => this.flush());
    }
  }

  flush() {
    this.frame = 0;
    const ids = this.dirty;
    this.dirty = new Set();
    for (const id of ids) {
      const set = this.subscribers.get(id);
      if (set) {
        for (const fn of [...set]) {
          try {
            fn(id);
          } catch (e) {
            console.error('widget update failed', id, e);
          }
        }
      }
    }
    if (this.modulesDirty) {
      this.modulesDirty = false;
      for (const fn of [...this.moduleListeners]) {
        fn();
      }
    }
  }
}

function trim(s, now) {
  const cutoff = now - SERIES_WINDOW_MS;
  let drop = 0;
  // Keep one point before the window, so that a line starts at its left edge.
  while (drop + 1 < s.ts.length && s.ts[drop + 1] < cutoff) {
    drop++;
  }
  drop = Math.max(drop, s.ts.length - SERIES_MAX_POINTS);
  if (drop > 0) {
    s.ts.splice(0, drop);
    s.vs.splice(0, drop);
  }
}
