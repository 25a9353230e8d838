// A boolean input as a toggle switch (a read-only boolean shows the same switch, disabled), or as a push button
// that is on while pressed (Kervi's `button` widget for a boolean).

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

export class PushButton extends ValueWidget {
  build() {
    this.input = h('button', {type: 'button', class: 'btn push-button'});
    this.held = false;
    const press = (e) => {
      if (e.type === 'keydown' && e.key !== ' ' && e.key !== 'Enter') {
        return;
      }
      if (e.type === 'keydown' && e.repeat) {
        return;
      }
      e.preventDefault();
      if (!this.held && !this.input.disabled) {
        this.held = true;
        this.input.classList.add('held');
        this.write(true);
      }
    };
    const release = () => {
      if (this.held) {
        this.held = false;
        this.input.classList.remove('held');
        this.write(false);
      }
    };
    this.input.addEventListener('pointerdown', press);
    this.input.addEventListener('keydown', press);
    for (const type of ['pointerup', 'pointerleave', 'pointercancel', 'keyup', 'blur']) {
      this.input.addEventListener(type, release);
    }
    this.el.append(this.head(), h('div', {class: 'widget-main switch-row'}, this.input, this.valueText), this.foot());
  }

  refresh() {
    super.refresh();
    setText(this.input, this.def.label || this.meta.name || this.id);
  }

  render(value) {
    setText(this.valueText, formatValue(value, this.meta));
    this.input.classList.toggle('on', value === true);
  }
}
