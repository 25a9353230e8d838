package org.kervi.api.history;

import java.util.List;

/**
 * The points of one value between two instants, oldest first.
 *
 * @param points at most the requested number of points
 * @param source {@code raw} (the recorded changes) or {@code rollup} (per-minute min / max / average: ranges older
 *        than raw retention, and number ranges downsampled to buckets of 5 minutes or more)
 * @param downsampled whether points were left out to fit the requested number (each bucket then keeps its lowest and
 *        highest point, so spikes stay visible)
 * @param matched how many stored points lay in the range (downsampled from rollups: the changes they count; rollup
 *        averages that fit: the minutes)
 */
public record HistorySeries(String id, long fromMillis, long toMillis, List<HistoryPoint> points, String source,
        boolean downsampled, long matched) {}
