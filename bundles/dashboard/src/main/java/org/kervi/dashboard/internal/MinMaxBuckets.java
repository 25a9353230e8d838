package org.kervi.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import org.kervi.api.history.HistoryPoint;

/**
 * Downsampling that keeps a curve's shape: the range is cut into {@code maxPoints / 2} equal time buckets, and each
 * bucket keeps its lowest and its highest point (in time order), so spikes stay visible.
 */
final class MinMaxBuckets {
    private MinMaxBuckets() {}

    /** {@code points} (numbers, oldest first, all within [from, to]) reduced to at most {@code maxPoints}. */
    static List<HistoryPoint> reduce(List<HistoryPoint> points, long fromMillis, long toMillis, int maxPoints) {
        if (points.size() <= maxPoints) {
            return points;
        }
        int buckets = Math.max(1, maxPoints / 2);
        double width = (double) (toMillis - fromMillis + 1) / buckets;
        List<HistoryPoint> out = new ArrayList<>(buckets * 2);
        int i = 0;
        for (int b = 0; b < buckets && i < points.size(); b++) {
            long end = fromMillis + (long) Math.ceil(width * (b + 1));
            HistoryPoint min = null;
            HistoryPoint max = null;
            while (i < points.size() && (points.get(i).timeMillis() < end || b == buckets - 1)) {
                HistoryPoint p = points.get(i++);
                if (min == null || number(p) < number(min)) {
                    min = p;
                }
                if (max == null || number(p) > number(max)) {
                    max = p;
                }
            }
            if (min == null) {
                continue;
            }
            if (min == max || min.timeMillis() == max.timeMillis()) {
                out.add(max);
            } else if (min.timeMillis() <= max.timeMillis()) {
                out.add(min);
                out.add(max);
            } else {
                out.add(max);
                out.add(min);
            }
        }
        return out;
    }

    private static double number(HistoryPoint p) {
        return ((Number) p.value()).doubleValue();
    }
}
