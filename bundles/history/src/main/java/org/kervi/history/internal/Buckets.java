package org.kervi.history.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kervi.api.history.HistoryPoint;

/** The time buckets of a downsampled query: each gives at most two points, so {@code maxPoints / 2} of them. */
final class Buckets {
    private Buckets() {}

    /** The bucket width in milliseconds for {@code [from, to]} so that at most {@code maxPoints} points come out. */
    static long width(long fromMillis, long toMillis, int maxPoints) {
        long span = toMillis - fromMillis + 1;
        long buckets = Math.max(1, maxPoints / 2);
        return Math.max(1, (span + buckets - 1) / buckets);
    }

    /** The lowest and highest points of every bucket, oldest first, one point where both are the same. */
    static List<HistoryPoint> merge(List<HistoryPoint> lowest, List<HistoryPoint> highest) {
        List<HistoryPoint> all = new ArrayList<>(lowest.size() + highest.size());
        all.addAll(lowest);
        all.addAll(highest);
        all.sort(Comparator.comparingLong(HistoryPoint::timeMillis));
        List<HistoryPoint> distinct = new ArrayList<>(all.size());
        for (HistoryPoint p : all) {
            HistoryPoint last = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
            if (last == null || !last.equals(p)) {
                distinct.add(p);
            }
        }
        return distinct;
    }
}
