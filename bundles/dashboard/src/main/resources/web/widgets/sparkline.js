// A tiny inline SVG line of a value's recent points (no chart library needed at this size).

import {svg} from '../dom.js';

const POINTS = 60;
const W = 100;
const H = 28;

export class Sparkline {
  constructor() {
    this.line = svg('polyline', {class: 'spark-line', points: '', 'vector-effect': 'non-scaling-stroke'});
    this.area = svg('polygon', {class: 'spark-area', points: ''});
    this.el = svg('svg', {class: 'sparkline', viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none',
      'aria-hidden': 'true'}, this.area, this.line);
  }

  /** Draws the last points of a series ({ts, vs}). */
  draw(series) {
    const vs = series ? series.vs.slice(-POINTS) : [];
    if (vs.length < 2) {
      this.line.setAttribute('points', '');
      this.area.setAttribute('points', '');
      return;
    }
    let min = Infinity;
    let max = -Infinity;
    for (const v of vs) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const span = max - min || 1;
    const pad = 2;
    const step = W / (vs.length - 1);
    let pts = '';
    for (let i = 0; i < vs.length; i++) {
      const y = max === min ? H / 2 : pad + (H - 2 * pad) * (1 - (vs[i] - min) / span);
      pts += `${(i * step).toFixed(2)},${y.toFixed(2)} `;
    }
    this.line.setAttribute('points', pts);
    this.area.setAttribute('points', `0,${H} ${pts}${W},${H}`);
  }
}
