package org.kervi.api.values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One option out of a fixed list; the value is the selected option's key (null until one is selected). */
public class EnumValue extends Value<String> {
    private final Map<String, String> options = new LinkedHashMap<>();

    public EnumValue(String id, String name) {
        super(id, name, ValueKind.ENUM, null);
    }

    /** Adds an option with a key (the value) and a label (what users see). */
    public synchronized EnumValue option(String key, String label) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException(id() + ": option key must not be empty");
        }
        options.put(key, label == null ? key : label);
        return this;
    }

    public EnumValue option(String key) {
        return option(key, key);
    }

    /** The options as key → label, in the order added. */
    public synchronized Map<String, String> options() {
        return new LinkedHashMap<>(options);
    }

    @Override
    public void set(String key) {
        checkAllowed(key);
        super.set(key);
    }

    @Override
    public String convert(Object raw) {
        if (raw instanceof CharSequence text) {
            return text.toString().trim();
        }
        throw new ValueRejectedException(id(), "expected one of " + options().keySet() + ", got "
                + ValueRejectedException.describe(raw));
    }

    @Override
    protected void checkAllowed(String candidate) {
        Map<String, String> known = options();
        if (!known.containsKey(candidate)) {
            throw new ValueRejectedException(id(), "'" + candidate + "' is not an option; options are "
                    + known.keySet());
        }
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = super.attributes();
        List<Map<String, String>> list = new ArrayList<>();
        options().forEach((key, label) -> list.add(Map.of("key", key, "label", label)));
        a.put("options", list);
        return a;
    }
}
