// Read-only displays: the value with its unit (numbers with a sparkline, booleans as a lamp, colors with a
// swatch), and the compact item of the header strip. A writable number shown this way gets a number field.

import {fetchRange} from '../api.js';
import {h, setText} from '../dom.js';
import {formatValue} from '../format.js';
import {SERIES_MAX_POINTS, SERIES_WINDOW_MS} from '../model.js';
import {ValueWidget} from './base.js';
import {Sparkline} from './sparkline.js';

export class ValueDisplay extends ValueWidget {
  build() {
    const type = this.meta.type;
    this.el.classList.add(`type-${type}`);
    const main = h('div', {class: 'widget-main value-main'}, this.valueText);
    if (type === 'boolean') {
      this.lamp = h('span', {class: 'lamp', 'aria-hidden': 'true'});
      main.prepend(this.lamp);
    } else if (type === 'color') {
      this.swatch = h('span', {class: 'swatch', 'aria-hidden': 'true'});
      main.prepend(this.swatch);
    }
    this.el.append(this.head(), main);
    if (type === 'number') {
      this.spark = new Sparkline();
      this.el.append(this.spark.el);
      loadHistoryOnce(this.store, this.id);
    }
    if (type === 'number' && this.meta.writable) {
      this.el.append(this.numberEditor());
    }
    this.el.append(this.foot());
  }

  render(value) {
    const text = formatValue(value, this.meta);
    setText(this.valueText, text);
    if (this.meta.type === 'string') {
      this.valueText.title = text.length > 60 ? text : '';
    }
    if (this.lamp) {
      this.lamp.classList.toggle('on', value === true);
    }
    if (this.swatch) {
      this.swatch.style.background = typeof value === 'string' ? value : 'transparent';
    }
    if (this.spark) {
      this.spark.draw(this.store.series.get(this.id));
    }
    this.syncInput(value);
  }
}

/** The compact value + unit of the header strip. */
export class HeaderItem extends ValueWidget {
  build() {
    this.el.className = 'header-item';
    this.el.append(this.icon || '', this.label, this.valueText, this.moduleState);
  }

  refresh() {
    super.refresh();
    const trouble = this.store.ownerTrouble(this.meta.owner);
    const live = this.store.live;
    this.el.title = trouble ? `module ${this.meta.owner}: ${trouble}`
      : live ? this.meta.name || this.id : `${this.meta.name || this.id}: stale (live updates offline)`;
    setText(this.moduleState, trouble ? String(trouble).split(':')[0] : live ? '' : 'stale');
  }

  render(value) {
    setText(this.valueText, formatValue(value, this.meta));
    this.el.classList.toggle('is-on', value === true);
  }
}

const historyLoaded = new WeakMap(); // store -> Set of ids

/**
 * Fetches a number value's last 10 minutes once per model session (from the history store, or the dashboard's
 * memory), so sparklines and live charts start full.
 */
export function loadHistoryOnce(store, id, force) {
  let ids = historyLoaded.get(store);
  if (!ids) {
    ids = new Set();
    historyLoaded.set(store, ids);
  }
  if ((ids.has(id) && !force) || store.isGhost('value', id)) {
    return; // a value whose instance is away has no history on the server now
  }
  ids.add(id);
  // up to the server's now (the browser's clock may be off until the first ping)
  const from = Math.round(store.serverNow() - SERIES_WINDOW_MS);
  fetchRange(id, {from, points: SERIES_MAX_POINTS}).then(
      (h) => store.mergeHistory(id, h && h.points), (e) => {
    ids.delete(id);
    if (e.status !== 404 && e.status !== 401) {
      console.warn('history of', id, e.message);
    }
  });
}

export function forgetHistory(store) {
  historyLoaded.delete(store);
}
