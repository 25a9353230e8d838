// String, color and date-time inputs. Each sends on change (Enter, leaving the field, closing the picker) and
// leaves the field alone while the user edits it.

import {h, setText} from '../dom.js';
import {formatValue, fromLocalInput, toLocalInput} from '../format.js';
import {ValueWidget} from './base.js';

class FieldWidget extends ValueWidget {
  build() {
    this.input = this.createInput();
    this.input.addEventListener('change', () => {
      const value = this.fromInput();
      if (value !== undefined) {
        this.write(value);
      }
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.toInput(this.store.value(this.id));
        this.input.blur();
      }
    });
    this.el.append(this.head(), h('div', {class: 'widget-main field-row'}, this.input, this.extra()),
        h('div', {class: 'current'}, h('span', {class: 'current-label', text: 'now'}), this.valueText),
        this.foot());
  }

  extra() {
    return null;
  }

  refresh() {
    super.refresh();
    this.input.setAttribute('aria-label', this.label.textContent);
  }

  render(value) {
    setText(this.valueText, formatValue(value, this.meta));
    if (!this.pending && document.activeElement !== this.input) {
      this.toInput(value);
    }
  }

  syncInput(value, force) {
    if (force || document.activeElement !== this.input) {
      this.toInput(value);
    }
  }
}

export class TextInput extends FieldWidget {
  createInput() {
    return h('input', {type: 'text', class: 'text-input', spellcheck: 'false',
      maxlength: this.meta.maxLength > 0 ? String(this.meta.maxLength) : undefined});
  }

  fromInput() {
    return this.input.value;
  }

  toInput(value) {
    this.input.value = value === null || value === undefined ? '' : String(value);
  }
}

export class ColorInput extends FieldWidget {
  createInput() {
    return h('input', {type: 'color', class: 'color-input'});
  }

  extra() {
    this.swatch = h('span', {class: 'color-code'});
    return this.swatch;
  }

  fromInput() {
    return this.input.value;
  }

  toInput(value) {
    if (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)) {
      this.input.value = value.toLowerCase();
    }
  }

  render(value) {
    super.render(value);
    setText(this.swatch, typeof value === 'string' ? value : '');
  }
}

export class DateTimeInput extends FieldWidget {
  createInput() {
    return h('input', {type: 'datetime-local', class: 'datetime-input', step: '1'});
  }

  fromInput() {
    const iso = fromLocalInput(this.input.value);
    return iso === null ? undefined : iso;
  }

  toInput(value) {
    this.input.value = toLocalInput(value);
  }
}
