package org.kervi.history.internal;

/**
 * What a query reads: raw number changes, raw text changes, or the 1-minute rollups. A downsampled query keeps per
 * bucket the point with the lowest and the one with the highest {@code lowOrder} / {@code highOrder} (for text:
 * the first and the last change), showing {@code lowValue} / {@code highValue}; a query that fits shows
 * {@code plainValue} per row.
 */
enum Source {
    RAW_NUMBER("sample", "t", "num", "num", "num", "num", "num", "txt"),
    RAW_TEXT("sample", "t", "t", "t", "txt", "txt", "num", "txt"),
    ROLLUP("rollup_1m", "minute_t", "vmin", "vmax", "vmin", "vmax", "vsum / n", "null");

    final String table;
    final String time;
    final String lowOrder;
    final String highOrder;
    final String lowValue;
    final String highValue;
    final String plainNumber;
    final String plainText;

    Source(String table, String time, String lowOrder, String highOrder, String lowValue, String highValue,
            String plainNumber, String plainText) {
        this.table = table;
        this.time = time;
        this.lowOrder = lowOrder;
        this.highOrder = highOrder;
        this.lowValue = lowValue;
        this.highValue = highValue;
        this.plainNumber = plainNumber;
        this.plainText = plainText;
    }

    /** {@link org.kervi.api.history.HistorySeries#source()}. */
    String label() {
        return this == ROLLUP ? "rollup" : "raw";
    }

    boolean text() {
        return this == RAW_TEXT;
    }
}
