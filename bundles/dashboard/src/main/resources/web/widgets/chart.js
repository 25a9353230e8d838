// A line chart with uPlot (global `uPlot`, served from its WebJar) and a range selector. Live (10 min, the
// default): prefilled from api/history, then fed from the stream through the store's bounded series. A longer
// range: api/history downsampled to about the chart's width, continued by the stream (see range-series.js).
// The time window slides every second; drawing is coalesced into one animation frame.

import {fetchRange} from '../api.js';
import {h, setText} from '../dom.js';
import {formatNumber, formatValue, scaleDecimals} from '../format.js';
import {SERIES_WINDOW_MS} from '../model.js';
import {ValueWidget} from './base.js';
import {RANGES, rangeBar} from './chart-ranges.js';
import {RangeSeries} from './range-series.js';
import {loadHistoryOnce} from './value.js';

const HEIGHT = 200;
const TICK_MS = 1000;
const MIN_SPAN_S = 60;
const MAX_POINTS = 1000;

function cssVar(name, fallback) {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export class Chart extends ValueWidget {
  build() {
    this.el.classList.add('wide');
    this.box = h('div', {class: 'chart'});
    this.cursor = h('span', {class: 'chart-cursor', 'aria-hidden': 'true'});
    this.range = RANGES[0];
    this.series = null; // a RangeSeries while a range other than live is shown
    this.loads = 0; // requests made: an answer to an older one is ignored
    this.bar = rangeBar(this.id, () => this.store.serverNow(), (range) => this.choose(range));
    this.el.append(h('div', {class: 'widget-head'}, this.icon, this.label, this.rangeBadge, this.moduleState, this.cursor,
        h('span', {class: 'chart-now'}, this.valueText)), this.box, this.bar.el, this.foot());
    this.plot = null;
    this.width = 0;
    this.frame = 0;
    this.paintSince = 0;
    this.resizer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width);
      if (w > 0 && w !== this.width) {
        this.width = w;
        if (this.plot) {
          this.plot.setSize({width: w, height: this.height()});
        } else {
          this.create();
        }
      }
    });
    this.resizer.observe(this.box);
    this.ticker = setInterval(() => this.tick(), TICK_MS);
    this.bar.show(this.range, {state: 'live'});
    loadHistoryOnce(this.store, this.id);
  }

  /** Shows another range: live from the store's series, or a longer one loaded from api/history. */
  choose(range) {
    if (range === this.range) {
      return;
    }
    this.range = range;
    this.loads++;
    if (range.live) {
      this.series = null;
      this.bar.show(range, {state: 'live'});
      loadHistoryOnce(this.store, this.id);
    } else {
      this.series = new RangeSeries(range.ms, this.pointsWanted());
      // Until the answer comes, the recent points held, and from then on every stream point, are kept.
      this.series.follow(this.store.series.get(this.id));
      this.load();
    }
    this.requestDraw();
  }

  /** About one point per pixel of the chart's width (at most MAX_POINTS). */
  pointsWanted() {
    return Math.max(2, Math.min(MAX_POINTS, this.width || MAX_POINTS));
  }

  /** Loads the chosen range; stream points that arrive meanwhile are merged by time when it comes. */
  async load() {
    const range = this.range;
    const series = this.series;
    const request = ++this.loads;
    const started = performance.now();
    const from = Math.round(this.store.serverNow() - range.ms);
    this.bar.show(range, {state: 'loading'});
    try {
      // up to the server's now: the stream continues from there
      const answer = await fetchRange(this.id, {from, points: series.points});
      if (request !== this.loads) {
        return;
      }
      series.follow(this.store.series.get(this.id));
      series.load(answer.points);
      this.bar.show(range, {state: 'loaded', answer});
      this.paintSince = started;
    } catch (e) {
      if (request === this.loads) {
        this.bar.show(range, {state: 'failed', error: e.message || String(e)});
      }
    }
    this.requestDraw();
  }

  /** After the stream was down: the points missed meanwhile come from the server. */
  reloadHistory() {
    if (this.range.live) {
      loadHistoryOnce(this.store, this.id, true);
    } else {
      this.load();
    }
  }

  /** Ranges can be chosen while the stream is live (a module away still has its history on the server). */
  refresh() {
    super.refresh();
    if (this.bar) {
      this.bar.setDisabled(!this.store.live);
    }
  }

  tick() {
    if (this.series) {
      this.series.advance(this.store.serverNow());
    }
    this.requestDraw();
  }

  height() {
    return window.matchMedia('(max-width: 600px)').matches ? 160 : HEIGHT;
  }

  create() {
    if (typeof window.uPlot !== 'function') {
      setText(this.box, 'chart library not loaded');
      return;
    }
    const meta = this.meta;
    const axis = cssVar('--muted', '#8a94a6');
    const grid = cssVar('--grid', 'rgba(128,128,128,.15)');
    const accent = cssVar('--accent', '#4da3ff');
    const fixed = typeof meta.min === 'number' && typeof meta.max === 'number' && meta.max > meta.min;
    const unit = meta.unit ? ` ${meta.unit}` : '';
    const opts = {
      width: this.width,
      height: this.height(),
      legend: {show: false},
      cursor: {drag: {x: false, y: false}, points: {size: 6}},
      padding: [8, 8, 0, 0],
      scales: {
        x: {time: true, range: () => this.window()},
        y: fixed ? {range: [meta.min, meta.max]} : {range: (u, min, max) => padRange(min, max)},
      },
      axes: [
        {stroke: axis, grid: {stroke: grid, width: 1}, ticks: {stroke: grid, width: 1}, font: '11px system-ui',
          space: 70, values: (u, splits, axisIdx, space, incr) => splits.map((s) => clock(s, incr))},
        {stroke: axis, grid: {stroke: grid, width: 1}, ticks: {stroke: grid, width: 1}, font: '11px system-ui',
          size: (u, values) => axisSize(values), incrs: axisSteps(meta),
          values: (u, splits) => splits.map((v) => formatNumber(v, {decimals: scaleDecimals(meta)}) + unit)},
      ],
      hooks: {setCursor: [(u) => this.showCursor(u)]},
      series: [
        {},
        {label: meta.name || this.id, stroke: accent, width: 2, fill: `${accent}22`, points: {show: false},
          spanGaps: true, value: (u, v) => (v === null ? '—' : formatValue(v, meta))},
      ],
    };
    this.plot = new window.uPlot(opts, this.data(), this.box);
    this.plot.root.setAttribute('aria-label', `Chart of ${meta.name || this.id}`);
    this.box.uplot = this.plot; // for the browser tests and the developer console
    this.box.dataset.range = this.range.key;
  }

  /**
   * The time shown: the last 10 minutes, or less while the history is shorter (at least a minute), so that a
   * young chart is not a thin line at its right edge.
   */
  window() {
    const now = this.store.serverNow() / 1000;
    if (!this.range.live) {
      return [now - this.range.ms / 1000, now];
    }
    const s = this.store.series.get(this.id);
    const first = s && s.ts.length ? s.ts[0] / 1000 : now;
    const span = Math.min(SERIES_WINDOW_MS / 1000, Math.max(MIN_SPAN_S, now - first));
    return [now - span, now];
  }

  /** The time and value under the mouse, next to the label. */
  showCursor(u) {
    const i = u.cursor.idx;
    if (i === null || i === undefined || u.data[1][i] === null || u.data[1][i] === undefined) {
      setText(this.cursor, '');
      return;
    }
    const when = (this.range.ms > 86400 * 1000 ? dayTime : hhmmss).format(new Date(u.data[0][i] * 1000));
    setText(this.cursor, `${when} · ${formatValue(u.data[1][i], this.meta)}`);
  }

  /** The series in the window, in uPlot's shape, extended to now with the current state. */
  data() {
    const now = this.store.serverNow();
    const s = this.series || this.store.series.get(this.id);
    const xs = [];
    const ys = [];
    if (s) {
      const from = now - this.range.ms;
      for (let i = 0; i < s.ts.length; i++) {
        // the point before the window is drawn at its left edge (unless a point is there already)
        if (s.ts[i] < from && i + 1 < s.ts.length && s.ts[i + 1] <= from) {
          continue;
        }
        xs.push(Math.max(s.ts[i], from) / 1000);
        ys.push(s.vs[i]);
      }
    }
    // The line goes on to now with the current state — unless the owner is away and the state unknown.
    const current = this.store.value(this.id);
    if (typeof current === 'number' && !this.unavailable && (!xs.length || xs[xs.length - 1] < now / 1000)) {
      xs.push(now / 1000);
      ys.push(current);
    }
    return [xs, ys];
  }

  /** Draws in the next animation frame, once however many points arrived before it. */
  requestDraw() {
    if (!this.frame && this.plot && !document.hidden) {
      this.frame = requestAnimationFrame(() => this.draw());
    }
  }

  draw() {
    this.frame = 0;
    if (!this.plot || document.hidden) {
      return;
    }
    this.plot.setData(this.data());
    this.box.dataset.range = this.range.key;
    if (this.paintSince) {
      // from the click (or reconnect) to the range drawn: request, answer, merge and paint
      this.bar.el.dataset.paintMs = String(Math.round(performance.now() - this.paintSince));
      this.paintSince = 0;
    }
  }

  render(value) {
    setText(this.valueText, formatValue(value, this.meta));
    if (this.series) {
      this.series.follow(this.store.series.get(this.id));
    }
    this.requestDraw();
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    clearInterval(this.ticker);
    this.resizer.disconnect();
    if (this.plot) {
      this.plot.destroy();
      this.plot = null;
    }
    super.destroy();
  }
}

const hhmm = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit'});
const hhmmss = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit', second: '2-digit'});

const dayMonth = new Intl.DateTimeFormat(undefined, {day: 'numeric', month: 'short'});
const dayTime = new Intl.DateTimeFormat(undefined, {day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'});

/** Time labels: days when ticks are a day apart, else hours and minutes (with seconds below a minute). */
function clock(seconds, increment) {
  const f = increment >= 86400 ? dayMonth : increment < 60 ? hhmmss : hhmm;
  return f.format(new Date(seconds * 1000));
}

function padRange(min, max) {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) {
    return [0, 1];
  }
  if (min === max) {
    const d = Math.abs(min) * 0.1 || 1;
    return [min - d, max + d];
  }
  const pad = (max - min) * 0.1;
  return [min - pad, max + pad];
}

/** Steps between y labels no finer than the value's decimals, so that no two labels read the same. */
function axisSteps(meta) {
  const finest = 10 ** -scaleDecimals(meta);
  return [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 1e4, 2e4, 5e4, 1e5, 1e6]
      .map((m) => Number((m * finest).toPrecision(6)));
}

/** Room for the widest y label (uPlot's default is fixed). */
function axisSize(values) {
  const longest = (values || []).reduce((n, v) => Math.max(n, String(v).length), 0);
  return Math.max(40, Math.round(longest * 7.2) + 18);
}
