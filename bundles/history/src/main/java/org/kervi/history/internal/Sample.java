package org.kervi.history.internal;

/** One change to write: numbers and booleans in {@code number}, enums and text in {@code text}. */
record Sample(String id, SeriesType type, long timeMillis, double number, String text) {

    static Sample of(String id, long timeMillis, Object value) {
        SeriesType type = SeriesType.of(value);
        return switch (type) {
            case NUMBER -> new Sample(id, type, timeMillis, ((Number) value).doubleValue(), null);
            case BOOLEAN -> new Sample(id, type, timeMillis, ((Boolean) value) ? 1 : 0, null);
            case TEXT -> new Sample(id, type, timeMillis, 0, value.toString());
        };
    }

    boolean numeric() {
        return type != SeriesType.TEXT;
    }

    Object value() {
        return type.decode(number, text, false);
    }
}
