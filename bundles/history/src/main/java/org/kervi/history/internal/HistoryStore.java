package org.kervi.history.internal;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.kervi.api.history.HistorySeries;
import org.kervi.api.history.StoredValue;

/**
 * Where history lives. Writes come from one thread (the {@link HistoryWriter}); reads from any. A method that fails
 * throws {@link SQLException} and leaves the store able to try again (it reconnects on the next call).
 */
interface HistoryStore extends AutoCloseable {

    /** {@code sqlite} or {@code postgresql}. */
    String kind();

    /** Writes changes (and their 1-minute rollups) and kept states in one transaction. */
    void write(List<Sample> samples, Collection<StoredValue> keptStates) throws SQLException;

    /**
     * The points of {@code id} in {@code [from, to]}, oldest first: every stored one when they are at most
     * {@code maxPoints}, else per time bucket the lowest and the highest (text: first and last). Rollups are read
     * for a number series when {@code rollup} is set (their average per minute when they fit). An unknown id gives
     * an empty series.
     */
    HistorySeries query(String id, long fromMillis, long toMillis, int maxPoints, boolean rollup) throws SQLException;

    /** The last stored change of each of these ids that has one. */
    Map<String, StoredValue> lastValues(Collection<String> ids) throws SQLException;

    Map<String, StoredValue> keptStates() throws SQLException;

    /**
     * Deletes raw changes older than {@code rawCutoff} of their series (epoch millis, by series id) and rollups older
     * than {@code rollupCutoffMillis}; returns the rows deleted.
     */
    long deleteExpired(ToLongFunction<String> rawCutoff, long rollupCutoffMillis) throws SQLException;

    @Override
    void close();
}
