// The points of one chart over a chosen range (1 h … 30 d): what api/history answered, continued by the stream.
// Stream points that arrive while the request is in flight are kept and merged by time, so the line has neither
// a gap nor a duplicate point; points that leave the window are dropped; the live tail is folded into the same
// resolution as the loaded part (lowest and highest point per bucket), so a chart left open for a day stays small.

/** Live points gathered before the tail is folded into buckets. */
const FOLD_AFTER = 64;

export class RangeSeries {
  /**
   * @param spanMs the range shown (ending now)
   * @param points how many points the range should have at most (about the chart's width in pixels)
   */
  constructor(spanMs, points) {
    this.spanMs = spanMs;
    this.points = points;
    this.bucketMs = Math.max(1, Math.floor(spanMs / Math.max(1, points / 2)));
    this.ts = [];
    this.vs = [];
    this.rawFrom = 0; // index of the first live point not folded yet
  }

  lastTime() {
    return this.ts.length ? this.ts[this.ts.length - 1] : -Infinity;
  }

  /** Appends the points of a recent series ({ts, vs}, oldest first) that are newer than the last one held. */
  follow(recent) {
    if (!recent || !recent.ts.length) {
      return 0;
    }
    const last = this.lastTime();
    let i = firstAfter(recent.ts, last);
    const added = recent.ts.length - i;
    for (; i < recent.ts.length; i++) {
      this.ts.push(recent.ts[i]);
      this.vs.push(recent.vs[i]);
    }
    return added;
  }

  /**
   * The answer of api/history ([[t, v]], oldest first): it replaces what is held up to its last point; stream
   * points after that point are kept (those at or before it are already in the answer).
   */
  load(points) {
    const ts = [];
    const vs = [];
    for (const p of points || []) {
      if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number'
          && (!ts.length || p[0] > ts[ts.length - 1])) {
        ts.push(p[0]);
        vs.push(p[1]);
      }
    }
    const lastLoaded = ts.length ? ts[ts.length - 1] : -Infinity;
    const rawFrom = ts.length;
    for (let i = firstAfter(this.ts, lastLoaded); i < this.ts.length; i++) {
      ts.push(this.ts[i]);
      vs.push(this.vs[i]);
    }
    this.ts = ts;
    this.vs = vs;
    this.rawFrom = rawFrom;
  }

  /** Drops what left the window (keeping one point before it, where the line enters) and folds the live tail. */
  advance(now) {
    const cutoff = now - this.spanMs;
    let drop = 0;
    while (drop + 1 < this.ts.length && this.ts[drop + 1] < cutoff) {
      drop++;
    }
    if (drop > 0) {
      this.ts.splice(0, drop);
      this.vs.splice(0, drop);
      this.rawFrom = Math.max(0, this.rawFrom - drop);
    }
    if (this.ts.length - this.rawFrom >= FOLD_AFTER) {
      this.fold(now);
    }
  }

  /** Folds the live points of complete buckets into each bucket's lowest and highest point. */
  fold(now) {
    const current = Math.floor(now / this.bucketMs);
    const ts = [];
    const vs = [];
    let i = this.rawFrom;
    while (i < this.ts.length && Math.floor(this.ts[i] / this.bucketMs) < current) {
      const bucket = Math.floor(this.ts[i] / this.bucketMs);
      let lo = i;
      let hi = i;
      for (; i < this.ts.length && Math.floor(this.ts[i] / this.bucketMs) === bucket; i++) {
        if (this.vs[i] < this.vs[lo]) {
          lo = i;
        }
        if (this.vs[i] > this.vs[hi]) {
          hi = i;
        }
      }
      for (const k of lo === hi ? [lo] : [Math.min(lo, hi), Math.max(lo, hi)]) {
        ts.push(this.ts[k]);
        vs.push(this.vs[k]);
      }
    }
    this.ts.splice(this.rawFrom, i - this.rawFrom, ...ts);
    this.vs.splice(this.rawFrom, i - this.rawFrom, ...vs);
    this.rawFrom += ts.length;
  }
}

/** The index of the first time in a sorted array that is greater than `t`. */
function firstAfter(times, t) {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] > t) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}
