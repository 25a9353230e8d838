package org.kervi.api.history;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** The application's value history, a service of the {@code kervi-history} bundle in the root instance. */
@ProviderType
public interface ValueHistory {
    /**
     * The points of {@code id} between {@code fromMillis} and {@code toMillis} (inclusive), at most {@code maxPoints}
     * of them, downsampled on the server so the shape of the curve is kept.
     *
     * An id with nothing recorded (unknown or not recorded) has an empty series, not an error. A range that starts
     * within the raw retention of {@code id} is read from the raw changes, an older one from the 1-minute rollups;
     * a number series whose buckets ({@code range / (maxPoints / 2)}) are 5 minutes or wider is downsampled from
     * the rollups too (each bucket's lowest and highest change, at their time; the partial minutes at the ends of the
     * range from the raw changes). Text and enums are always read raw.
     *
     * @throws IllegalArgumentException for an invalid id, {@code toMillis} before {@code fromMillis} or
     *         {@code maxPoints} below 2, with a message that says so
     * @throws IllegalStateException when the store cannot be read (the message names the store and the reason)
     */
    HistorySeries history(String id, long fromMillis, long toMillis, int maxPoints);

    /** The last recorded value of each of these ids that has one (what the history saw last, defaults included). */
    Map<String, StoredValue> lastValues(Collection<String> ids);

    /**
     * Keeps {@code value} as the state to restore for a persisted value ({@link org.kervi.api.values.Value#persist()}),
     * written with the next batch and kept without expiry. The application calls it only for state it means to
     * restore (not for the defaults a restarted module publishes before it is restored).
     */
    void keepState(String id, Object value);

    /** Every kept state, read back after a restart of the root. */
    Map<String, StoredValue> keptStates();

    /** Adds points recorded elsewhere (a CSV import), in the same batches as live changes; returns how many. */
    int importPoints(String id, List<HistoryPoint> points);

    HistoryStatus status();
}
