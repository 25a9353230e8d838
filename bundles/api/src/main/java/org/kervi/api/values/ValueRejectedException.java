package org.kervi.api.values;

/** A value was refused: wrong type, out of range, not an option, or not writable from outside. */
public class ValueRejectedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String valueId;

    public ValueRejectedException(String valueId, String message) {
        super(valueId + ": " + message);
        this.valueId = valueId;
    }

    public String valueId() {
        return valueId;
    }

    static String describe(Object raw) {
        if (raw == null) {
            return "null";
        }
        String text = raw instanceof CharSequence ? "'" + raw + "'" : String.valueOf(raw);
        if (text.length() > 80) {
            text = text.substring(0, 77) + "...";
        }
        return text + " (" + raw.getClass().getSimpleName() + ")";
    }
}
