package org.kervi.history.internal;

/**
 * What a query reads: raw number changes, raw text changes, or the 1-minute rollups. Downsampling keeps per bucket
 * the row with the lowest {@code lowValue} and the one with the highest {@code highValue} (for text: the first and
 * the last change); a rollup range that fits shows {@code plainNumber} (the minute's average) per row.
 */
enum Source {
    RAW_NUMBER("sample", "t", "num", "num", "num", "txt"),
    RAW_TEXT("sample", "t", "txt", "txt", "num", "txt"),
    ROLLUP("rollup_1m", "minute_t", "vmin", "vmax", "vsum / n", "null");

    final String table;
    final String time;
    final String lowValue;
    final String highValue;
    final String plainNumber;
    final String plainText;

    Source(String table, String time, String lowValue, String highValue, String plainNumber, String plainText) {
        this.table = table;
        this.time = time;
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
