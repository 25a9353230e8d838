// Gauges as SVG: a radial arc (`gauge`, `radial-gauge`) and a horizontal bar (`linear-gauge`). The range is
// the value's min/max, 0–100 when undeclared (widened to the value when it goes beyond).

import {h, setText, svg} from '../dom.js';
import {formatNumber, formatValue, scaleDecimals} from '../format.js';
import {ValueWidget} from './base.js';

const SWEEP = 240; // degrees
const START = 150; // degrees, clockwise from 3 o'clock
const CX = 60;
const CY = 58;
const R = 46;

function point(angle) {
  const a = (angle * Math.PI) / 180;
  return [CX + R * Math.cos(a), CY + R * Math.sin(a)];
}

function arc(fromDeg, toDeg) {
  const [x1, y1] = point(fromDeg);
  const [x2, y2] = point(toDeg);
  const large = toDeg - fromDeg > 180 ? 1 : 0;
  return `M${x1.toFixed(2)} ${y1.toFixed(2)}A${R} ${R} 0 ${large} 1 ${x2.toFixed(2)} ${y2.toFixed(2)}`;
}

function rangeOf(meta, value) {
  let min = typeof meta.min === 'number' ? meta.min : 0;
  let max = typeof meta.max === 'number' ? meta.max : 100;
  if (typeof meta.max !== 'number' && typeof value === 'number' && value > max) {
    max = niceCeil(value);
  }
  if (typeof meta.min !== 'number' && typeof value === 'number' && value < min) {
    min = -niceCeil(-value);
  }
  return max > min ? [min, max] : [min, min + 1];
}

function niceCeil(v) {
  const p = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / p) * p;
}

function fraction(value, [min, max]) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return 0;
  }
  return Math.max(0, Math.min(1, (value - min) / (max - min)));
}

export class RadialGauge extends ValueWidget {
  build() {
    this.track = svg('path', {class: 'gauge-track', d: arc(START, START + SWEEP)});
    this.bar = svg('path', {class: 'gauge-bar', d: ''});
    this.minText = h('span', {class: 'gauge-min'});
    this.maxText = h('span', {class: 'gauge-max'});
    const face = h('div', {class: 'gauge-face'},
        svg('svg', {class: 'gauge-svg', viewBox: '0 0 120 100', 'aria-hidden': 'true'}, this.track, this.bar),
        h('div', {class: 'gauge-center'}, this.valueText),
        this.minText, this.maxText);
    this.el.append(this.head(), face);
    if (this.meta.writable) {
      this.el.append(this.numberEditor());
    }
    this.el.append(this.foot());
  }

  render(value) {
    const f = showOnScale(this, value);
    this.bar.setAttribute('d', f > 0.001 ? arc(START, START + SWEEP * f) : '');
    this.syncInput(value);
    this.el.dataset.level = f >= 0.9 ? 'high' : f >= 0.7 ? 'mid' : 'low';
  }
}

/** Shows the value and the ends of its scale; returns where the value sits on it (0 to 1). */
function showOnScale(widget, value) {
  setText(widget.valueText, formatValue(value, widget.meta));
  const range = rangeOf(widget.meta, value);
  const ends = {decimals: scaleDecimals(widget.meta)};
  setText(widget.minText, formatNumber(range[0], ends));
  setText(widget.maxText, formatNumber(range[1], ends));
  return fraction(value, range);
}

export class LinearGauge extends ValueWidget {
  build() {
    this.fill = h('div', {class: 'lgauge-fill'});
    this.minText = h('span', {class: 'gauge-min'});
    this.maxText = h('span', {class: 'gauge-max'});
    this.el.append(this.head(),
        h('div', {class: 'widget-main'}, this.valueText),
        h('div', {class: 'lgauge-track', 'aria-hidden': 'true'}, this.fill),
        h('div', {class: 'lgauge-scale'}, this.minText, this.maxText));
    if (this.meta.writable) {
      this.el.append(this.numberEditor());
    }
    this.el.append(this.foot());
  }

  render(value) {
    const f = showOnScale(this, value);
    this.fill.style.transform = `scaleX(${f.toFixed(4)})`;
    this.syncInput(value);
    this.el.dataset.level = f >= 0.9 ? 'high' : f >= 0.7 ? 'mid' : 'low';
  }
}
