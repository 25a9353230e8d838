// A boolean input as a toggle switch; a read-only boolean shows the same switch, disabled.

import {h, setText} from '../dom.js';
import {formatValue} from '../format.js';
import {ValueWidget} from './base.js';

export class Switch extends ValueWidget {
  build() {
    this.input = h('input', {type: 'checkbox', class: 'switch-input', role: 'switch'});
    this.input.addEventListener('change', () => {
      setText(this.valueText, this.input.checked ? 'on' : 'off');
      this.write(this.input.checked);
    });
    this.el.append(this.head(),
        h('label', {class: 'widget-main switch-row'},
            h('span', {class: 'switch'}, this.input, h('span', {class: 'switch-track', 'aria-hidden': 'true'})),
            this.valueText),
        this.foot());
  }

  refresh() {
    super.refresh();
    this.input.setAttribute('aria-label', this.label.textContent);
  }

  render(value) {
    setText(this.valueText, formatValue(value, this.meta));
    if (!this.pending) {
      this.input.checked = value === true;
    }
  }
}
