// An action button: one small input per parameter (boolean → checkbox, number → number field, enum options →
// select, else text), the declared confirm question first, then POST api/actions/{id}; the result or the
// error is shown next to the button. The action's state (the values <id>.state and <id>.last_error, which the
// owner publishes wherever it lives) shows as a badge: running, or how the last run ended, with the last error as
// its tooltip.

import {callAction} from '../api.js';
import {h, setText} from '../dom.js';
import {formatResult} from '../format.js';
import {iconFor} from '../icons.js';
import {showTrouble} from './base.js';

// Parameter types as the core names them: boolean, integer, number, text, "one of [A, B]", any, "json T".
const BOOLEAN = /^(boolean|bool)$/i;
const INTEGER = /^(integer|int|long|short|byte)$/i;
const NUMBER = /^(number|double|float)$/i;
const ONE_OF = /^one of \[(.*)\]$/i;
const JSON_TYPE = /^(json\b|any$)/i;

function optionsOf(param) {
  if (Array.isArray(param.options) && param.options.length) {
    return param.options.map((o) => (typeof o === 'object' ? {key: o.key, label: o.label || o.key} : {key: o, label: o}));
  }
  const match = ONE_OF.exec(param.type || '');
  return match ? match[1].split(',').map((k) => k.trim()).filter(Boolean).map((k) => ({key: k, label: k})) : null;
}

/** A JSON parameter takes JSON when the text is JSON, else the text itself. */
function jsonOrText(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return text;
  }
}

function paramInput(param, index) {
  const type = param.type || 'string';
  const common = {class: 'action-param', 'data-param': param.name || String(index),
    'aria-label': param.name || `argument ${index + 1}`};
  if (BOOLEAN.test(type)) {
    const input = h('input', {...common, type: 'checkbox'});
    return {input, wrap: h('label', {class: 'param param-bool'}, input, h('span', {text: param.name || type})),
      read: () => input.checked};
  }
  const options = optionsOf(param);
  if (options) {
    const input = h('select', common, options.map((o) => h('option', {value: o.key, text: o.label})));
    return {input, wrap: labelled(param, input), read: () => input.value};
  }
  if (INTEGER.test(type) || NUMBER.test(type)) {
    const input = h('input', {...common, type: 'number', inputmode: 'decimal', step: INTEGER.test(type) ? '1' : 'any',
      placeholder: param.name || type});
    return {input, wrap: labelled(param, input), read: () => (input.value === '' ? null : input.valueAsNumber)};
  }
  const json = JSON_TYPE.test(type);
  const input = h('input', {...common, type: 'text', placeholder: json ? `${param.name || ''} (${type})` : param.name || type,
    spellcheck: 'false'});
  return {input, wrap: labelled(param, input), read: () => (json ? jsonOrText(input.value) : input.value)};
}

function labelled(param, input) {
  return h('label', {class: 'param'}, h('span', {class: 'param-name', text: param.name || ''}), input);
}

export class ActionWidget {
  constructor(def, ctx) {
    this.def = def;
    this.id = def.id;
    this.store = ctx.store;
    this.session = ctx.session;
    this.meta = this.store.action(this.id) || {id: this.id, name: this.id, parameters: [], confirm: ''};
    this.busy = false;
    this.params = (this.meta.parameters || []).map(paramInput);
    this.button = h('button', {type: 'button', class: 'btn btn-primary action-run'});
    this.button.addEventListener('click', () => this.run());
    this.result = h('span', {class: 'action-result', 'aria-live': 'polite'});
    this.error = h('span', {class: 'action-error', role: 'alert', hidden: true});
    this.moduleState = h('span', {class: 'module-state', hidden: true});
    this.runState = h('span', {class: 'action-state', hidden: true});
    this.el = h('div', {class: `widget w-action${ctx.header ? ' header-action' : ''}`, 'data-action-id': this.id},
        h('div', {class: 'widget-head'}, iconFor(def.icon),
            h('span', {class: 'widget-label', text: this.meta.name || this.id}), this.runState, this.moduleState),
        this.params.length ? h('div', {class: 'params'}, this.params.map((p) => p.wrap)) : null,
        h('div', {class: 'action-row'}, this.button, this.result, this.error));
    const showState = () => this.showState();
    this.unsubscribers = [this.store.subscribe(`${this.id}.state`, showState),
      this.store.subscribe(`${this.id}.last_error`, showState)];
    this.refresh();
    this.showState();
  }

  /** The badge of the action's state: hidden while it never ran; the last error as its tooltip. */
  showState() {
    const state = this.store.value(`${this.id}.state`);
    const error = this.store.value(`${this.id}.last_error`);
    const shown = typeof state === 'string' && state !== '' && state !== 'idle';
    this.runState.hidden = !shown;
    setText(this.runState, shown ? state : '');
    this.runState.dataset.state = shown ? state : '';
    this.runState.title = shown && error ? error : '';
    this.el.classList.toggle('running', state === 'running');
  }

  refresh() {
    this.meta = this.store.action(this.id) || this.meta;
    const name = this.def.label || this.meta.name || this.id;
    setText(this.button, name);
    this.button.title = this.meta.confirm ? `${this.id} — asks first` : this.id;
    const trouble = this.store.ownerTrouble(this.meta.owner);
    const stale = showTrouble(this.el, this.moduleState, this.meta.owner, trouble, this.store.live);
    const canRun = Boolean(this.session && this.session.canWrite);
    const blocked = !canRun || Boolean(trouble) || stale;
    this.button.disabled = this.busy || blocked;
    if (!canRun) {
      this.button.title = 'your role may not run actions';
    } else if (trouble || stale) {
      this.button.title = trouble ? `module ${this.meta.owner} is ${trouble}` : 'live updates are offline';
    }
    for (const p of this.params) {
      p.input.disabled = blocked;
    }
  }

  async run() {
    if (this.busy) {
      return;
    }
    const question = (this.meta.confirm || '').trim();
    if (question && !window.confirm(question)) {
      return;
    }
    const args = this.params.map((p) => p.read());
    this.busy = true;
    this.button.disabled = true;
    this.el.classList.add('pending');
    this.error.hidden = true;
    setText(this.error, '');
    setText(this.result, '…');
    try {
      const reply = await callAction(this.id, args);
      const result = reply ? reply.result : null;
      setText(this.result, formatResult(result, this.meta.returnType));
      this.result.title = result === null || result === undefined ? '' : JSON.stringify(result);
    } catch (e) {
      setText(this.result, '');
      setText(this.error, e.message || String(e));
      this.error.title = [e.kind, e.type].filter(Boolean).join(' · ');
      this.error.hidden = false;
    } finally {
      this.busy = false;
      this.el.classList.remove('pending');
      this.refresh();
    }
  }

  destroy() {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
    this.el.remove();
  }
}
