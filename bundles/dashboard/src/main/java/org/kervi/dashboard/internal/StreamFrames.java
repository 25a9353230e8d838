package org.kervi.dashboard.internal;

/** Server-sent events as the stream writes them. */
final class StreamFrames {
    private StreamFrames() {}

    static String frame(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }
}
