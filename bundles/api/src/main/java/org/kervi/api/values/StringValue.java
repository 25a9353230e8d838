package org.kervi.api.values;

import java.util.Map;

/** Text, with an optional maximum length checked for input from outside. */
public class StringValue extends Value<String> {
    private volatile int maxLength = 4096;

    public StringValue(String id, String name) {
        super(id, name, ValueKind.STRING, "");
    }

    public StringValue maxLength(int newMaxLength) {
        if (newMaxLength < 1) {
            throw new IllegalArgumentException(id() + ": maxLength must be at least 1");
        }
        this.maxLength = newMaxLength;
        return this;
    }

    public int maxLength() {
        return maxLength;
    }

    @Override
    public String convert(Object raw) {
        if (raw instanceof CharSequence || raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new ValueRejectedException(id(), "expected text, got " + ValueRejectedException.describe(raw));
    }

    @Override
    protected void checkAllowed(String candidate) {
        if (candidate.length() > maxLength) {
            throw new ValueRejectedException(id(), "text of " + candidate.length() + " characters is longer than the"
                    + " maximum of " + maxLength);
        }
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = super.attributes();
        a.put("maxLength", maxLength);
        return a;
    }
}
