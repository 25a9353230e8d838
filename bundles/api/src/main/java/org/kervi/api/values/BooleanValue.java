package org.kervi.api.values;

import java.util.Locale;

/** On or off. From outside it takes booleans and true/false, on/off, yes/no, 1/0. */
public class BooleanValue extends Value<Boolean> {

    public BooleanValue(String id, String name) {
        super(id, name, ValueKind.BOOLEAN, Boolean.FALSE);
    }

    public void set(boolean v) {
        set(Boolean.valueOf(v));
    }

    public boolean isOn() {
        return Boolean.TRUE.equals(get());
    }

    @Override
    public Boolean convert(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof CharSequence text) {
            switch (text.toString().trim().toLowerCase(Locale.ROOT)) {
                case "true", "on", "yes", "1":
                    return Boolean.TRUE;
                case "false", "off", "no", "0":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        if (raw instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        throw new ValueRejectedException(id(), "expected true or false, got " + ValueRejectedException.describe(raw));
    }
}
