package org.kervi.bench;

/**
 * Server-sent events, line by line, as the HTML standard's "event stream interpretation" says: {@code event:} sets
 * the type, each {@code data:} line adds a line to the data (joined with {@code \n}), {@code id:} and
 * {@code retry:} are kept, lines starting with {@code :} are comments, one space after the colon is dropped, and a
 * blank line dispatches the event (none when no data came). Feed it lines without their terminator (CR, LF and
 * CRLF are all line ends: {@link java.io.BufferedReader#readLine()} splits them so).
 */
final class SseParser {

    /** Receives each complete event: its type ({@code message} when none was given) and its data. */
    interface Listener {
        void event(String type, String data);
    }

    private final Listener listener;
    private final StringBuilder data = new StringBuilder();
    private String type = "";
    private boolean hasData;
    private String lastEventId = "";
    private long retryMillis = -1;

    SseParser(Listener listener) {
        this.listener = listener;
    }

    void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> type = value;
            case "data" -> {
                data.append(value).append('\n');
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
    }

    private void dispatch() {
        if (!hasData) {
            type = "";
            return;
        }
        String text = data.substring(0, data.length() - 1);
        String eventType = type.isEmpty() ? "message" : type;
        data.setLength(0);
        hasData = false;
        type = "";
        listener.event(eventType, text);
    }

    String lastEventId() {
        return lastEventId;
    }

    /** The reconnection time the server asked for, or -1. */
    long retryMillis() {
        return retryMillis;
    }
}
