package org.kervi.history.internal;

/** The time buckets of a downsampled query: each gives at most two points, so there are {@code maxPoints / 2}. */
final class Buckets {
    private Buckets() {}

    /** The bucket width in milliseconds for {@code [from, to]} so that at most {@code maxPoints} points come out. */
    static long width(long fromMillis, long toMillis, int maxPoints) {
        long span = toMillis - fromMillis + 1;
        long buckets = Math.max(1, maxPoints / 2);
        return Math.max(1, (span + buckets - 1) / buckets);
    }

    /**
     * The width for {@code [originMillis, toMillis]} rounded up to whole minutes, so that buckets counted from a
     * minute's start hold whole rollup minutes; still at most {@code maxPoints / 2} buckets.
     */
    static long wholeMinutesWidth(long originMillis, long toMillis, int maxPoints) {
        long width = width(originMillis, toMillis, maxPoints);
        return (width + Rollups.MINUTE - 1) / Rollups.MINUTE * Rollups.MINUTE;
    }
}
