package org.kervi.history.internal;

/**
 * What a query reads: raw number changes, raw text changes, or the 1-minute rollups. Raw downsampling reads
 * {@code value} (numbers: each bucket's lowest and highest, text: its first and last change; rollups are downsampled
 * by {@link RollupReads}); a rollup range that fits shows {@code plainNumber} (the minute's average) per row.
 */
enum Source {
    RAW_NUMBER("sample", "t", "num", "num", "txt"),
    RAW_TEXT("sample", "t", "txt", "num", "txt"),
    ROLLUP("rollup_1m", "minute_t", "vmin", "vsum / n", "null");

    final String table;
    final String time;
    final String value;
    final String plainNumber;
    final String plainText;

    Source(String table, String time, String value, String plainNumber, String plainText) {
        this.table = table;
        this.time = time;
        this.value = value;
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
