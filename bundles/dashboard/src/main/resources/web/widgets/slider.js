// A number input as a range slider: shows the position while dragging, sends once on release (change).

import {h, setText} from '../dom.js';
import {decimalsOf, formatNumber, formatValue, scaleDecimals} from '../format.js';
import {ValueWidget} from './base.js';

export class Slider extends ValueWidget {
  build() {
    const meta = this.meta;
    const min = typeof meta.min === 'number' ? meta.min : 0;
    const max = typeof meta.max === 'number' ? meta.max : 100;
    const decimals = decimalsOf(meta);
    this.dragging = false;
    this.input = h('input', {type: 'range', class: 'slider-input', min: String(min), max: String(max),
      step: String(sliderStep(max - min, decimals))});
    this.input.addEventListener('pointerdown', () => {
      this.dragging = true;
    });
    this.input.addEventListener('input', () => {
      this.dragging = true;
      setText(this.valueText, formatValue(this.input.valueAsNumber, meta));
      this.el.classList.add('dragging');
    });
    this.input.addEventListener('change', () => {
      this.dragging = false;
      this.el.classList.remove('dragging');
      this.write(this.input.valueAsNumber);
    });
    const end = () => {
      if (this.dragging) {
        this.dragging = false;
        this.el.classList.remove('dragging');
      }
    };
    this.input.addEventListener('pointerup', end);
    this.input.addEventListener('blur', end);
    this.el.append(this.head(),
        h('div', {class: 'widget-main'}, this.valueText),
        this.input,
        h('div', {class: 'lgauge-scale'},
            h('span', {text: formatNumber(min, {decimals: scaleDecimals(meta)})}),
            h('span', {text: formatNumber(max, {decimals: scaleDecimals(meta)})})),
        this.foot());
  }

  refresh() {
    super.refresh();
    this.input.setAttribute('aria-label', this.label.textContent);
  }

  render(value) {
    if (this.dragging) {
      return; // the user's hand wins until release
    }
    setText(this.valueText, formatValue(value, this.meta));
    if (!this.pending && typeof value === 'number') {
      this.input.value = String(value);
    }
  }
}

/** About a hundredth of the range, rounded to 1, 2 or 5 × 10^n, and no finer than the value's decimals. */
export function sliderStep(span, decimals) {
  const finest = 10 ** -decimals;
  if (!(span > 0)) {
    return finest;
  }
  const raw = span / 100;
  const p = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw * 0.999);
  return Math.max(finest, Number(nice.toPrecision(6)));
}
