// A number input as a range slider: shows the position while dragging, sends once on release (change).

import {h, setText} from '../dom.js';
import {decimalsOf, formatNumber, formatValue} from '../format.js';
import {ValueWidget} from './base.js';

export class Slider extends ValueWidget {
  build() {
    const meta = this.meta;
    const min = typeof meta.min === 'number' ? meta.min : 0;
    const max = typeof meta.max === 'number' ? meta.max : 100;
    const decimals = decimalsOf(meta);
    this.dragging = false;
    this.input = h('input', {type: 'range', class: 'slider-input', min: String(min), max: String(max),
      step: decimals > 0 ? String(10 ** -Math.min(decimals, 3)) : '1'});
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
            h('span', {text: formatNumber(min, {decimals: 2})}), h('span', {text: formatNumber(max, {decimals: 2})})),
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
