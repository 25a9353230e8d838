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

}
