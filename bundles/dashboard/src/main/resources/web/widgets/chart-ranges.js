// The range selector under a chart: live 10 min (the default), 1 h, 24 h, 7 d, 30 d; a line saying what is shown
// (how many points of how many, from where, and why a range may be incomplete); a CSV download of the range.

import {historyCsvUrl} from '../api.js';
import {h, setText} from '../dom.js';
import {SERIES_WINDOW_MS} from '../model.js';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

export const RANGES = [
  {key: 'live', label: '10 min', ms: SERIES_WINDOW_MS, live: true},
  {key: '1h', label: '1 h', ms: HOUR},
  {key: '24h', label: '24 h', ms: DAY},
  {key: '7d', label: '7 d', ms: 7 * DAY},
  {key: '30d', label: '30 d', ms: 30 * DAY},
];

/** Most points a CSV download asks for (the API's limit). */
const CSV_POINTS = 10000;

const count = new Intl.NumberFormat();

/**
 * @param id the value id
 * @param now () => the server's time now (epoch ms)
 * @param onChoose (range) => void
 * @return {el, show(range, status), setDisabled(disabled)};
 *     status {state: 'live'|'loading'|'loaded'|'failed', answer, error}
 */
export function rangeBar(id, now, onChoose) {
  const buttons = RANGES.map((r) => {
    const b = h('button', {type: 'button', class: 'chart-range', 'data-range': r.key, 'aria-pressed': 'false',
      title: r.live ? 'Live: the last 10 minutes' : `The last ${r.label}`, text: r.label});
    b.addEventListener('click', () => onChoose(r));
    return b;
  });
  const label = h('span', {class: 'chart-range-label', 'aria-live': 'polite'});
  const note = h('span', {class: 'chart-note', hidden: true});
  const csv = h('a', {class: 'chart-csv', href: '#', download: '', text: 'CSV',
    title: 'Download the range shown as CSV (time,value)'});
  let shown = RANGES[0];
  csv.addEventListener('click', () => {
    const to = Math.round(now());
    csv.href = historyCsvUrl(id, {from: to - shown.ms, to, points: CSV_POINTS});
  });
  const el = h('div', {class: 'chart-bar'},
      h('span', {class: 'chart-ranges', role: 'group', 'aria-label': 'Range'}, ...buttons), label, csv, note);

  function show(range, status) {
    shown = range;
    for (const b of buttons) {
      b.setAttribute('aria-pressed', String(b.dataset.range === range.key));
    }
    el.dataset.state = status.state;
    setText(label, describe(range, status));
    const text = status.answer && status.answer.note ? status.answer.note : '';
    note.hidden = !text;
    setText(note, text);
  }

  function setDisabled(disabled) {
    for (const b of buttons) {
      b.disabled = disabled;
    }
  }

  return {el, show, setDisabled};
}

function describe(range, status) {
  if (status.state === 'live') {
    return 'live · last 10 min';
  }
  if (status.state === 'loading') {
    return `${range.label} · loading…`;
  }
  if (status.state === 'failed') {
    return `${range.label} · failed: ${status.error}`;
  }
  const a = status.answer || {};
  const n = Array.isArray(a.points) ? a.points.length : 0;
  const of = a.downsampled ? ` of ${count.format(a.matched)}` : '';
  const where = a.source === 'memory' ? ' · dashboard memory' : a.source === 'rollup' ? ' · per-minute rollup' : '';
  return `${range.label} · ${count.format(n)}${of} points${where}`;
}
