package org.kervi.dashboard.internal;

/** Server-sent events as the stream writes them. */
final class StreamFrames {
    private StreamFrames() {}

    static String frame(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }

    /** A {@code values} event of entries already encoded as JSON objects. */
    static String values(Iterable<String> entries, int count) {
        StringBuilder data = new StringBuilder(16 + 64 * count).append('[');
        for (String json : entries) {
            data.append(data.length() > 1 ? "," : "").append(json);
        }
        return frame("values", data.append(']').toString());
    }
}
