// Dashboards, panels and the header strip, built from the model. A new model re-renders only what changed:
// widgets whose entry and metadata stayed the same are kept (charts keep their data), others are built anew
// or removed; panels and nav items are reused by id.

import {h, setText} from './dom.js';
import {createWidget, widgetSignature} from './widgets/index.js';

const $ = (id) => document.getElementById(id);

export class Layout {
  constructor(store, session) {
    this.store = store;
    this.session = session;
    this.widgets = new Map(); // key -> {widget, signature}
    this.panels = new Map(); // dashboardId/panelId -> {el, title, body}
    this.lastDefs = new Map(); // header or dashboardId/panelId -> the entries shown last time
    this.lastPanels = new Map(); // dashboardId -> the panels shown last time
    this.ghostTimer = 0;
    this.active = null;
    this.nav = $('nav');
    this.board = $('dashboard');
    this.headerValues = $('header-values');
    this.modulesEl = $('modules');
    this.onHash = () => this.showDashboard(dashboardFromHash(), false);
    window.addEventListener('hashchange', this.onHash);
    this.offModules = store.onModules(() => this.modulesChanged());
  }

  destroy() {
    clearInterval(this.ghostTimer);
    window.removeEventListener('hashchange', this.onHash);
    this.offModules();
    for (const {widget} of this.widgets.values()) {
      widget.destroy();
    }
    this.widgets.clear();
    this.panels.clear();
    this.nav.replaceChildren();
    this.board.replaceChildren();
    this.headerValues.replaceChildren();
    this.modulesEl.replaceChildren();
  }

  /** Renders (or brings up to date) everything from the store's model. */
  render() {
    const model = this.store.model;
    const ghosts = this.store.pruneFormer();
    // While greyed leftovers of a departed instance are shown, look again now and then whether to drop them.
    if (ghosts && !this.ghostTimer) {
      this.ghostTimer = setInterval(() => this.render(), 2000);
    } else if (!ghosts && this.ghostTimer) {
      clearInterval(this.ghostTimer);
      this.ghostTimer = 0;
    }
    setText($('app-title'), model.title || 'Kervi');
    document.title = model.title || 'Kervi';
    this.renderNav(model);
    const wanted = dashboardFromHash();
    const ids = (model.dashboards || []).map((d) => d.id);
    let id = this.active && ids.includes(this.active) ? this.active : null;
    if (wanted && ids.includes(wanted)) {
      id = wanted;
    }
    if (!id) {
      const preferred = (model.dashboards || []).find((d) => d.isDefault) || (model.dashboards || [])[0];
      id = preferred ? preferred.id : null;
    }
    this.active = id;
    this.markActive();
    // Ghosts are tracked on every dashboard, not only the visible one, so that a dashboard opened while an
    // instance is away still shows what it had.
    this.boards = new Map((model.dashboards || []).map((d) => [d.id, this.panelsWithGhosts(d)]));
    this.headerDefs = this.withGhosts('header', model.header || []);
    const used = new Set();
    this.renderHeader(model, used);
    this.renderBoard(model, used);
    for (const [key, entry] of this.widgets) {
      if (!used.has(key)) {
        entry.widget.destroy();
        this.widgets.delete(key);
      }
    }
    this.modulesChanged();
  }

  showDashboard(id, updateHash = true) {
    const model = this.store.model;
    if (!model || !(model.dashboards || []).some((d) => d.id === id) || id === this.active) {
      return;
    }
    this.active = id;
    if (updateHash) {
      history.replaceState(null, '', `#dashboard=${encodeURIComponent(id)}`);
    }
    this.render();
    window.scrollTo({top: 0});
  }

  renderNav(model) {
    const dashboards = model.dashboards || [];
    const links = dashboards.map((d) => {
      let a = this.nav.querySelector(`a[data-dashboard="${CSS.escape(d.id)}"]`);
      if (!a) {
        a = h('a', {'data-dashboard': d.id, href: `#dashboard=${encodeURIComponent(d.id)}`});
      }
      setText(a, d.name || d.id);
      return a;
    });
    replaceChildrenIfChanged(this.nav, links);
    this.nav.hidden = dashboards.length === 0;
  }

  markActive() {
    for (const a of this.nav.querySelectorAll('a[data-dashboard]')) {
      const on = a.dataset.dashboard === this.active;
      a.classList.toggle('active', on);
      if (on) {
        a.setAttribute('aria-current', 'page');
      } else {
        a.removeAttribute('aria-current');
      }
    }
  }

  renderHeader(model, used) {
    const items = this.widgetsFor('header', this.headerDefs, true, used);
    replaceChildrenIfChanged(this.headerValues, items);
    this.headerValues.hidden = !items.length;
  }

  renderBoard(model, used) {
    const dashboard = (model.dashboards || []).find((d) => d.id === this.active);
    if (!dashboard) {
      replaceChildrenIfChanged(this.board, [h('div', {class: 'empty-board'},
          h('h2', {text: 'No dashboards yet'}),
          h('p', {text: 'Components appear here as soon as they link values or actions to a dashboard.'}))]);
      return;
    }
    const panelList = this.boards.get(dashboard.id);
    const panels = panelList.map((p) => {
      const key = `${dashboard.id}/${p.id}`;
      let panel = this.panels.get(key);
      if (!panel) {
        const title = h('h2', {class: 'panel-title'});
        const body = h('div', {class: 'panel-body'});
        panel = {el: h('section', {class: 'panel', 'data-panel': p.id}, h('div', {class: 'card'}, title, body)),
          title, body};
        this.panels.set(key, panel);
      }
      setText(panel.title, p.title || p.id);
      panel.title.hidden = !(p.title || p.id);
      const width = Number(p.width) > 0 ? Math.min(100, Number(p.width)) : 0;
      panel.el.classList.toggle('auto', width === 0);
      panel.el.style.setProperty('--w', width ? `${width}%` : '');
      const items = this.widgetsFor(key, p.widgets, false, used);
      replaceChildrenIfChanged(panel.body, items.length ? items : [h('p', {class: 'empty', text: 'Nothing here yet'})]);
      return panel.el;
    });
    const keep = new Set(panelList.map((p) => `${dashboard.id}/${p.id}`));
    for (const key of [...this.panels.keys()]) {
      if (!keep.has(key)) {
        this.panels.delete(key);
      }
    }
    replaceChildrenIfChanged(this.board, panels);
  }

  /** The entries of a panel (or the header), with the leftovers of a departed instance where they were. */
  withGhosts(key, defs) {
    const result = defs.slice();
    const present = new Set(defs.map(entryKey));
    (this.lastDefs.get(key) || []).forEach((d, i) => {
      if (!present.has(entryKey(d)) && this.store.isGhost(d.kind, d.id)) {
        result.splice(Math.min(i, result.length), 0, d);
      }
    });
    this.lastDefs.set(key, result);
    return result;
  }

  /**
   * The dashboard's panels, each with its entries and ghosts; a panel that left only because its instance did
   * stays too.
   */
  panelsWithGhosts(dashboard) {
    const panels = (dashboard.panels || []).slice();
    const present = new Set(panels.map((p) => p.id));
    (this.lastPanels.get(dashboard.id) || []).forEach((p, i) => {
      const key = `${dashboard.id}/${p.id}`;
      if (!present.has(p.id) && (this.lastDefs.get(key) || []).some((d) => this.store.isGhost(d.kind, d.id))) {
        panels.splice(Math.min(i, panels.length), 0, {...p, widgets: []});
      }
    });
    this.lastPanels.set(dashboard.id, panels);
    return panels.map((p) => ({...p, widgets: this.withGhosts(`${dashboard.id}/${p.id}`, p.widgets || [])}));
  }

  /** The widget elements for a list of entries, reusing widgets whose signature did not change. */
  widgetsFor(prefix, defs, header, used) {
    const ctx = {store: this.store, session: this.session, header};
    const seen = new Map();
    const els = [];
    for (const def of defs) {
      const known = def.kind === 'action' ? this.store.action(def.id) : this.store.meta(def.id);
      if (!known) {
        continue; // the server left it out (not visible to this user) or it is gone
      }
      const base = `${prefix}|${def.kind}:${def.id}:${def.widget}`;
      const n = (seen.get(base) || 0) + 1;
      seen.set(base, n);
      const key = `${base}#${n}`;
      const signature = widgetSignature(def, ctx);
      let entry = this.widgets.get(key);
      if (entry && entry.signature !== signature) {
        entry.widget.destroy();
        entry = null;
      }
      if (!entry) {
        entry = {widget: createWidget(def, ctx), signature};
        this.widgets.set(key, entry);
      } else {
        entry.widget.refresh();
      }
      used.add(key);
      els.push(entry.widget.el);
    }
    return els;
  }

  modulesChanged() {
    for (const {widget} of this.widgets.values()) {
      widget.refresh();
    }
    const live = this.store.live;
    const modules = [...this.store.modules.values()];
    // Offline, no state is claimed: "unknown (was running)", the last known one greyed.
    const items = modules.map((m) => {
      const known = String(m.state || 'unknown');
      const state = live ? known : 'unknown';
      const short = state.split(':')[0];
      const serving = live && this.store.isServing(known);
      const title = live ? `${m.name}: ${known}${m.restarts ? ` — restarted ${m.restarts}×` : ''}`
        : `${m.name}: unknown while live updates are offline (last known: ${known})`;
      return h('span', {class: `module state-${short}${serving ? ' serving' : ''}${live ? '' : ' stale'}`,
        'data-module': m.name, 'data-state': state, 'data-last-state': known, title},
      h('span', {class: 'dot', 'aria-hidden': 'true'}),
      h('span', {class: 'module-name', text: m.name}),
      h('span', {class: 'module-state-text', text: live ? short : `unknown (was ${known.split(':')[0]})`}),
      m.restarts ? h('span', {class: 'restarts', text: `↻ ${m.restarts}`}) : null);
    });
    this.modulesEl.replaceChildren(...items);
    const model = this.store.model || {};
    const app = this.store.appState;
    const appText = !app ? '' : live ? `app ${app}` : `app unknown (was ${app})`;
    const appState = $('app-state');
    setText(appState, [model.instance ? `instance ${model.instance}` : '', appText].filter(Boolean).join(' · '));
    appState.classList.toggle('stale', !live);
  }

  /** After the stream was down: charts and sparklines reload the points they missed meanwhile. */
  reloadHistory() {
    const sparklines = new Set();
    for (const {widget} of this.widgets.values()) {
      if (widget.reloadHistory) {
        widget.reloadHistory();
      } else if (widget.spark) {
        sparklines.add(widget.id);
      }
    }
    return sparklines;
  }
}

function entryKey(def) {
  return `${def.kind}:${def.id}:${def.widget}`;
}

export function dashboardFromHash() {
  const match = /(?:^#|&)dashboard=([^&]*)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function replaceChildrenIfChanged(parent, children) {
  const current = parent.children;
  let same = current.length === children.length;
  for (let i = 0; same && i < children.length; i++) {
    same = current[i] === children[i];
  }
  if (!same) {
    parent.replaceChildren(...children);
  }
}
