package org.kervi.history.internal;

/**
 * How a series' values are stored: numbers and booleans (as 0 / 1) in the number column, which is what rollups
 * aggregate; enums and text in the text column.
 */
enum SeriesType {
    NUMBER, BOOLEAN, TEXT;

    /** The stored form of {@code value}: numbers, booleans, everything else as its text. */
    static SeriesType of(Object value) {
        if (value instanceof Number) {
            return NUMBER;
        }
        return value instanceof Boolean ? BOOLEAN : TEXT;
    }

    String code() {
        return name().substring(0, 1);
    }

    static SeriesType ofCode(String code) {
        for (SeriesType type : values()) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        return TEXT;
    }

    /** The value read back: a Double, a Boolean or a String. */
    Object decode(double number, String text, boolean wasNull) {
        if (text != null) {
            return text;
        }
        if (wasNull) {
            return null;
        }
        return this == BOOLEAN ? Boolean.valueOf(number != 0) : Double.valueOf(number);
    }
}
