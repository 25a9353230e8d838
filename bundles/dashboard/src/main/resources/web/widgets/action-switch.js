// An action with one boolean parameter bound to the boolean value that holds its state (`@OnDashboard(state =
// "…")`): a switch that shows that value and calls the action with the new position. It shows only what the
// server holds: until the state is known it is neither on nor off, and disabled.

import {callAction} from '../api.js';
import {h, setText} from '../dom.js';
import {iconFor} from '../icons.js';
import {showTrouble} from './base.js';

const ERROR_SHOWN_MS = 10000;

export class ActionSwitch {
  constructor(def, ctx) {
    this.def = def;
    this.id = def.id;
    this.stateId = def.state;
    this.store = ctx.store;
    this.session = ctx.session;
    this.meta = this.store.action(this.id) || {id: this.id, name: this.id, parameters: [], confirm: ''};
    this.busy = false;
    this.errorTimer = 0;
    this.input = h('input', {type: 'checkbox', class: 'switch-input', role: 'switch'});
    this.input.addEventListener('change', () => this.run(this.input.checked));
    this.label = h('span', {class: 'widget-label'});
    this.valueText = h('span', {class: 'value-text'});
    this.moduleState = h('span', {class: 'module-state', hidden: true});
    this.error = h('div', {class: 'widget-error', role: 'alert', hidden: true});
    this.el = h('div', {class: 'widget w-switch w-action-switch', 'data-action-id': this.id,
      'data-state-id': this.stateId},
    h('div', {class: 'widget-head'}, iconFor(def.icon), this.label, this.moduleState),
    h('label', {class: 'widget-main switch-row'}, h('span', {class: 'switch'}, this.input), this.valueText),
    h('div', {class: 'widget-foot'}, this.error));
    this.unsubscribe = this.store.subscribe(this.stateId, () => this.render());
    this.render();
  }

  /** The current state: true, false, or null while unknown. */
  state() {
    const v = this.store.value(this.stateId);
    return typeof v === 'boolean' ? v : null;
  }

  refresh() {
    this.meta = this.store.action(this.id) || this.meta;
    const name = this.def.label || this.meta.name || this.id;
    setText(this.label, name);
    this.label.title = `${this.id} (shows ${this.stateId})`;
    this.input.setAttribute('aria-label', name);
    const stateMeta = this.store.meta(this.stateId);
    const stateOwner = stateMeta ? stateMeta.owner : null;
    const actionTrouble = this.store.ownerTrouble(this.meta.owner);
    const owner = actionTrouble ? this.meta.owner : stateOwner;
    const trouble = actionTrouble || this.store.ownerTrouble(stateOwner);
    const stale = showTrouble(this.el, this.moduleState, owner, trouble, this.store.live);
    const canRun = Boolean(this.session && this.session.canWrite);
    this.input.disabled = this.busy || !canRun || Boolean(trouble) || stale || this.state() === null;
    this.input.title = canRun ? '' : 'your role may not run actions';
  }

  render() {
    const on = this.state();
    if (!this.busy) {
      this.input.checked = on === true;
      this.input.indeterminate = on === null;
    }
    setText(this.valueText, on === null ? '—' : on ? 'on' : 'off');
    this.refresh();
  }

  async run(on) {
    const question = (this.meta.confirm || '').trim();
    if (question && !window.confirm(question)) {
      this.render();
      return;
    }
    this.busy = true;
    this.el.classList.add('pending');
    this.refresh();
    let failed = false;
    try {
      await callAction(this.id, [on]);
      this.clearError();
    } catch (e) {
      failed = true;
      this.showError(e.message || String(e));
    } finally {
      this.busy = false;
      this.el.classList.remove('pending');
      if (failed) {
        this.render(); // back to the state the server holds
      } else {
        this.refresh(); // the state value's change comes through the stream
      }
    }
  }

  showError(message) {
    setText(this.error, message);
    this.error.hidden = false;
    this.el.classList.add('has-error');
    clearTimeout(this.errorTimer);
    this.errorTimer = setTimeout(() => this.clearError(), ERROR_SHOWN_MS);
  }

  clearError() {
    clearTimeout(this.errorTimer);
    this.error.hidden = true;
    setText(this.error, '');
    this.el.classList.remove('has-error');
  }

  destroy() {
    this.unsubscribe();
    clearTimeout(this.errorTimer);
    this.el.remove();
  }
}
