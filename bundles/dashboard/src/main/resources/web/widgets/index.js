// Picks the widget family for a model entry: by the declared widget first, by the value's type where the
// widget does not fit the type (a `switch` for a number shows as a value, say).

import {ActionSwitch} from './action-switch.js';
import {ActionWidget} from './action.js';
import {Chart} from './chart.js';
import {Buttons, Dropdown} from './choice.js';
import {LinearGauge, RadialGauge} from './gauge.js';
import {Slider} from './slider.js';
import {PushButton, Switch} from './switch.js';
import {ColorInput, DateTimeInput, TextInput} from './text.js';
import {HeaderItem, ValueDisplay} from './value.js';

function byType(meta) {
  if (!meta.writable) {
    return ValueDisplay;
  }
  switch (meta.type) {
    case 'boolean': return Switch;
    case 'enum': return Dropdown;
    case 'string': return TextInput;
    case 'color': return ColorInput;
    case 'datetime': return DateTimeInput;
    default: return ValueDisplay;
  }
}

function familyFor(def, meta) {
  const type = meta.type;
  switch (def.widget) {
    case 'chart': return type === 'number' ? Chart : byType(meta);
    case 'gauge':
    case 'radial-gauge': return type === 'number' ? RadialGauge : byType(meta);
    case 'linear-gauge': return type === 'number' ? LinearGauge : byType(meta);
    case 'switch': return type === 'boolean' ? Switch : byType(meta);
    case 'button':
      if (type === 'boolean') {
        return meta.writable ? PushButton : ValueDisplay;
      }
      return type === 'enum' && meta.writable ? Buttons : byType(meta);
    case 'slider': return type === 'number' && meta.writable ? Slider : byType(meta);
    case 'dropdown': return type === 'enum' && meta.writable ? Dropdown : byType(meta);
    case 'buttons': return type === 'enum' && meta.writable ? Buttons : byType(meta);
    default: return byType(meta);
  }
}

/**
 * Creates the widget for a model entry ({kind, id, widget, label, icon}).
 * @param ctx {store, session, header}
 * @return {{el: Element, refresh(): void, destroy(): void}}
 */
export function createWidget(def, ctx) {
  if (def.kind === 'action') {
    return boundToState(def, ctx) ? new ActionSwitch(def, ctx) : new ActionWidget(def, ctx);
  }
  const meta = ctx.store.meta(def.id) || {id: def.id, name: def.id, type: 'string'};
  const Family = ctx.header ? HeaderItem : familyFor(def, meta);
  return new Family(def, ctx);
}

/** An action with one boolean parameter whose link names the boolean value that holds its state. */
function boundToState(def, ctx) {
  const action = ctx.store.action(def.id);
  const params = (action && action.parameters) || [];
  const state = def.state ? ctx.store.meta(def.state) : null;
  return Boolean(state && state.type === 'boolean' && params.length === 1
      && /^(boolean|bool)$/i.test(params[0].type || ''));
}

/**
 * What a widget was built from: when it changes with a new model, the widget is built anew; otherwise it is
 * kept (with its chart) and only refreshed.
 */
export function widgetSignature(def, ctx) {
  const entity = def.kind === 'action' ? ctx.store.action(def.id) : ctx.store.meta(def.id);
  const e = entity || {};
  return JSON.stringify([def.kind, def.id, def.widget, def.label, def.icon, def.state,
    Boolean(def.state && ctx.store.meta(def.state)), Boolean(ctx.header), e.type, e.writable,
    e.unit, e.sensorType, e.min, e.max, e.decimals, e.options, e.maxLength, e.parameters, e.returnType, e.confirm,
    Boolean(entity)]);
}
