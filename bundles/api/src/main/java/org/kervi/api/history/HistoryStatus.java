package org.kervi.api.history;

/**
 * How recording goes, for {@code kervi:history-status} and the dashboard's health panel. A failing store keeps
 * retrying; what did not fit the bounded queue meanwhile is counted in {@link #dropped()}, never lost silently.
 *
 * @param store {@code sqlite} or {@code postgresql}
 * @param location the database file or JDBC url (without credentials)
 * @param healthy false while the store fails ({@link #problem()} says why, since {@link #problemSinceMillis()})
 * @param written values written since start
 * @param queued values waiting for the next batch
 * @param queueCapacity the bound of that queue
 * @param dropped values dropped since start because the queue was full
 * @param lastWriteMillis when the last batch was written, 0 before the first
 * @param batchMillis the batch window
 */
public record HistoryStatus(String store, String location, boolean healthy, String problem, long problemSinceMillis,
        long written, long queued, int queueCapacity, long dropped, long lastWriteMillis, long batchMillis) {}
