// A number value's declared ranges (its `ranges` attribute) read as the server reads them (NumberRanges in
// kervi-api): bounds inclusive, the most severe range containing the value wins, normal outside every range.

const SEVERITY = {normal: 0, warning: 1, error: 2};

/** The range level of `value` ('normal', 'warning' or 'error'), or '' when the value has no ranges. */
export function rangeLevel(ranges, value) {
  if (!Array.isArray(ranges) || ranges.length === 0) {
    return '';
  }
  let best = null;
  if (typeof value === 'number') {
    for (const r of ranges) {
      const low = typeof r.low === 'number' ? r.low : -Infinity;
      const high = typeof r.high === 'number' ? r.high : Infinity;
      if (value >= low && value <= high && (!best || SEVERITY[r.level] > SEVERITY[best.level])) {
        best = r;
      }
    }
  }
  return best && best.level in SEVERITY ? best.level : 'normal';
}

/** The message of the range `value` is in, for a badge's tooltip. */
export function rangeMessage(ranges, value) {
  const level = rangeLevel(ranges, value);
  const r = (ranges || []).find((x) => x.level === level && value >= (x.low ?? -Infinity)
      && value <= (x.high ?? Infinity));
  return r && r.message ? r.message : `${level} range`;
}
