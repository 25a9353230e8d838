// What every value widget has: a root with data-value-id, a label, the owner module's trouble, the link
// state of an input, an error line, and the write path (PUT api/values/{id}) that shows the server's error
// and falls back to the current state.

import {writeValue} from '../api.js';
import {h, setText} from '../dom.js';
import {decimalsOf, formatBare, formatValue} from '../format.js';
import {iconFor, iconForSensorType} from '../icons.js';
import {rangeLevel, rangeMessage} from './ranges.js';

const ERROR_SHOWN_MS = 10000;

export class ValueWidget {
  /**
   * @param def the widget entry of the model ({kind, id, widget, label, icon})
   * @param ctx {store, session}
   */
  constructor(def, ctx) {
    this.def = def;
    this.id = def.id;
    this.store = ctx.store;
    this.session = ctx.session;
    this.meta = this.store.meta(this.id) || {id: this.id, name: this.id, type: 'string'};
    this.pending = false;
    this.errorTimer = 0;

    this.valueText = h('span', {class: 'value-text'});
    this.label = h('span', {class: 'widget-label'});
    this.icon = iconFor(def.icon) || iconForSensorType(this.meta.sensorType);
    this.moduleState = h('span', {class: 'module-state', hidden: true});
    this.rangeBadge = h('span', {class: 'range-badge', hidden: true});
    this.linkState = h('div', {class: 'link-state', hidden: true});
    this.error = h('div', {class: 'widget-error', role: 'alert', hidden: true});
    this.el = h('div', {class: `widget w-${def.widget}`, 'data-value-id': this.id,
      'data-sensor-type': this.meta.sensorType || undefined});
    this.build();
    this.unsubscribe = this.store.subscribe(this.id, () => this.show(this.store.value(this.id)));
    this.refresh();
    this.show(this.store.value(this.id));
  }

  /** Builds the widget's elements into this.el; subclasses call head() and foot() where they want them. */
  build() {
    this.el.append(this.head(), h('div', {class: 'widget-main'}, this.valueText), this.foot());
  }

  head() {
    return h('div', {class: 'widget-head'}, this.icon, this.label, this.rangeBadge, this.moduleState);
  }

  foot() {
    return h('div', {class: 'widget-foot'}, this.linkState, this.error);
  }

  /** True when the user may change this value here. */
  get editable() {
    return Boolean(this.meta.writable && this.session && this.session.canWrite);
  }

  /** True while the state shown may not be current: the owner is in trouble or the stream is down. */
  get unavailable() {
    return this.el.classList.contains('unavailable') || this.el.classList.contains('stale');
  }

  /** After the model, module states or the stream's state changed: label, owner trouble, link state. */
  refresh() {
    this.meta = this.store.meta(this.id) || this.meta;
    setText(this.label, this.def.label || this.meta.name || this.id);
    this.label.title = this.meta.sensorType ? `${this.id} (${this.meta.sensorType})` : this.id;
    const trouble = this.store.ownerTrouble(this.meta.owner);
    const stale = showTrouble(this.el, this.moduleState, this.meta.owner, trouble, this.store.live);
    const link = this.store.link(this.id);
    this.linkState.hidden = !link;
    if (link) {
      const text = link.resolved ? `follows ${link.source}` : `link to ${link.source} unresolved`;
      setText(this.linkState, text);
      this.linkState.classList.toggle('unresolved', !link.resolved);
    }
    this.setDisabled(!this.editable || Boolean(trouble) || stale);
    this.showRange(this.store.value(this.id));
  }

  /** Enables or disables the widget's controls (this.input by default). */
  setDisabled(disabled) {
    if (this.input) {
      this.input.disabled = disabled;
    }
  }

  /** A "Set [   ] unit" field for a writable number shown by a display widget; sends on change. */
  numberEditor() {
    this.input = numberInput(this.meta, 'number-input');
    this.input.addEventListener('change', () => {
      const n = this.input.valueAsNumber;
      if (Number.isFinite(n)) {
        this.write(n);
      }
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.syncInput(this.store.value(this.id), true);
        this.input.blur();
      }
    });
    return h('label', {class: 'editor'}, h('span', {text: 'Set'}), this.input,
        this.meta.unit ? h('span', {class: 'unit', text: this.meta.unit}) : null);
  }

  /** Puts the current state into the number field unless the user is typing in it. */
  syncInput(value, force) {
    if (this.input && (force || document.activeElement !== this.input)) {
      this.input.value = typeof value === 'number' ? formatBare(value, this.meta) : '';
    }
  }

  /** A new state: the widget's own rendering and the range badge. */
  show(value) {
    this.render(value);
    this.showRange(value);
  }

  /** Badges the widget (class range-warning / range-error, data-range-level) while its value is in such a range. */
  showRange(value) {
    const level = rangeLevel(this.meta.ranges, value);
    this.el.dataset.rangeLevel = level;
    this.el.classList.toggle('range-warning', level === 'warning');
    this.el.classList.toggle('range-error', level === 'error');
    const badged = level === 'warning' || level === 'error';
    this.rangeBadge.hidden = !badged;
    setText(this.rangeBadge, badged ? level : '');
    this.rangeBadge.title = badged ? rangeMessage(this.meta.ranges, value) : '';
  }

  /** Shows a state; called with the store's current state on every change. */
  render(value) {
    setText(this.valueText, formatValue(value, this.meta));
  }

  /** Sends a new state; on refusal shows why and returns to the current state. */
  async write(value) {
    this.pending = true;
    this.el.classList.add('pending');
    try {
      const result = await writeValue(this.id, value);
      this.clearError();
      if (result && 'value' in result) {
        this.store.apply(this.id, result.value, result.changedAt);
      }
    } catch (e) {
      this.showError(e.message || String(e));
    } finally {
      this.pending = false;
      this.el.classList.remove('pending');
      this.render(this.store.value(this.id));
      this.syncInput(this.store.value(this.id), true);
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

/**
 * Marks a widget for its owner's trouble (class `unavailable`, the badge "sensors: unresponsive") or, while the
 * stream is down, as stale (class `stale`, the badge "stale"). Returns whether it is stale.
 */
export function showTrouble(el, badge, owner, trouble, live) {
  el.classList.toggle('unavailable', Boolean(trouble));
  el.classList.toggle('stale', !live);
  badge.hidden = !trouble && live;
  setText(badge, trouble ? `${owner}: ${trouble}` : live ? '' : 'stale');
  badge.title = trouble ? `module ${owner} is ${trouble}`
    : live ? '' : 'live updates are offline: this may not be the current state';
  return !live;
}

export function numberInput(meta, className) {
  const decimals = decimalsOf(meta);
  return h('input', {
    class: className,
    type: 'number',
    inputmode: 'decimal',
    min: meta.min !== undefined ? String(meta.min) : undefined,
    max: meta.max !== undefined ? String(meta.max) : undefined,
    step: decimals > 0 ? String(10 ** -decimals) : '1',
    'aria-label': `Set ${meta.name || meta.id}`,
  });
}
