// Turning value states into text: numbers with their decimals and unit, booleans as on/off, enum keys as
// their labels, instants in the browser's local time.

const numberFormats = new Map();

function numberFormat(decimals) {
  let f = numberFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: 0,
      maximumFractionDigits: decimals,
      useGrouping: false,
    });
    numberFormats.set(decimals, f);
  }
  return f;
}

export function decimalsOf(meta) {
  const d = meta && Number.isInteger(meta.decimals) ? meta.decimals : 3;
  return Math.max(0, Math.min(10, d));
}

/** Decimals for the ends of a scale and axis labels: the value's own, at most 2. */
export function scaleDecimals(meta) {
  return Math.min(2, decimalsOf(meta));
}

export function formatNumber(n, meta) {
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    return n === null || n === undefined ? '—' : String(n);
  }
  const text = numberFormat(decimalsOf(meta)).format(n);
  return text === '-0' ? '0' : text;
}

/** The state without its unit. */
export function formatBare(value, meta) {
  if (value === null || value === undefined) {
    return '—';
  }
  switch (meta && meta.type) {
    case 'number':
      return formatNumber(value, meta);
    case 'boolean':
      return value ? 'on' : 'off';
    case 'enum': {
      const option = (meta.options || []).find((o) => o.key === value);
      return option ? option.label || option.key : String(value);
    }
    case 'datetime':
      return formatInstant(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** The state with its unit, as `.value-text` shows it: "42.5 %", "on", "—". */
export function formatValue(value, meta) {
  const bare = formatBare(value, meta);
  const unit = meta && meta.type === 'number' && meta.unit ? meta.unit : '';
  return unit && bare !== '—' ? `${bare} ${unit}` : bare;
}

const instantFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

export function formatInstant(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : instantFormat.format(date);
}

/** "2026-11-26T01:02:03Z" → "2026-11-26T02:02:03" in local time, for <input type=datetime-local>. */
export function toLocalInput(value) {
  const date = new Date(value);
  if (value === null || value === undefined || Number.isNaN(date.getTime())) {
    return '';
  }
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:`
      + `${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The local time of a datetime-local input as an ISO-8601 instant, or null. */
export function fromLocalInput(text) {
  if (!text) {
    return null;
  }
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.000Z$/, 'Z');
}

export function formatAge(ms) {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}

/** An action's result: "→ 50.0" for a double 50, "→ done" for void. */
export function formatResult(result, returnType) {
  if (result === null || result === undefined) {
    return '→ done';
  }
  if (typeof result === 'number') {
    // "number" is how the core names double and float: show 50 as 50.0 there, as the shell does
    const floating = /^(number|double|float)$/i.test(returnType || '');
    if (floating && Number.isInteger(result)) {
      return `→ ${result.toFixed(1)}`;
    }
    // at most 3 decimals, as values show by default (the exact result is in the element's title)
    return `→ ${Number.isInteger(result) ? String(result) : formatNumber(result, {decimals: 3})}`;
  }
  if (typeof result === 'object') {
    return `→ ${JSON.stringify(result)}`;
  }
  return `→ ${String(result)}`;
}
