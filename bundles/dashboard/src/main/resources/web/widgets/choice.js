// Enum inputs: a dropdown (<select>) or a row of buttons, one per option. Read-only enums show the label.

import {h, setText} from '../dom.js';
import {formatValue} from '../format.js';
import {ValueWidget} from './base.js';

export class Dropdown extends ValueWidget {
  build() {
    this.input = h('select', {class: 'select-input'},
        (this.meta.options || []).map((o) => h('option', {value: o.key, text: o.label || o.key})));
    this.input.addEventListener('change', () => this.write(this.input.value));
    this.el.append(this.head(), h('div', {class: 'widget-main'}, this.input), this.valueLine(), this.foot());
  }

  valueLine() {
    return h('div', {class: 'current'}, h('span', {class: 'current-label', text: 'now'}), this.valueText);
  }

  refresh() {
    super.refresh();
    this.input.setAttribute('aria-label', this.label.textContent);
  }

  render(value) {
    setText(this.valueText, formatValue(value, this.meta));
    if (!this.pending) {
      this.input.value = value === null ? '' : String(value);
    }
  }
}

export class Buttons extends ValueWidget {
  build() {
    this.buttons = (this.meta.options || []).map((o) => {
      const b = h('button', {type: 'button', class: 'choice', 'data-key': o.key, text: o.label || o.key,
        'aria-pressed': 'false'});
      b.addEventListener('click', () => this.write(o.key));
      return b;
    });
    this.el.append(this.head(),
        h('div', {class: 'widget-main choices', role: 'group'}, this.buttons),
        h('div', {class: 'current'}, h('span', {class: 'current-label', text: 'now'}), this.valueText),
        this.foot());
  }

  setDisabled(disabled) {
    for (const b of this.buttons) {
      b.disabled = disabled;
    }
  }

  render(value) {
    setText(this.valueText, formatValue(value, this.meta));
    for (const b of this.buttons) {
      const on = b.dataset.key === value;
      b.classList.toggle('selected', on);
      b.setAttribute('aria-pressed', String(on));
    }
  }
}
