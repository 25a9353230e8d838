package org.kervi.automation.internal.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kervi.api.actionlinks.ActionLinkSpec;
import org.kervi.api.actionlinks.ValueCondition;

/** Reads an {@link ActionLinkSpec} from a configuration, with errors that name the key at fault. */
final class ActionLinkSpecs {
    private ActionLinkSpecs() {}

    /** The configured id, else the name of a named factory configuration ({@code pid~name}), else the pid. */
    static String linkId(Object configured, String pid) {
        String given = text(configured);
        if (!given.isEmpty()) {
            return given;
        }
        int tilde = pid.lastIndexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }

    static ActionLinkSpec fromConfiguration(String id, Map<String, ?> raw) {
        String valueId = required(raw, "value");
        String actionId = required(raw, "action");
        ValueCondition trigger = condition("trigger", required(raw, "trigger"));
        String interruptText = text(raw.get("interrupt"));
        ValueCondition interrupt = interruptText.isEmpty() ? null : condition("interrupt", interruptText);
        return new ActionLinkSpec(id, valueId, trigger, interrupt, actionId, passValue(raw.get("passValue")),
                parameters(raw.get("parameters")));
    }

    private static String required(Map<String, ?> raw, String key) {
        String t = text(raw.get(key));
        if (t.isEmpty()) {
            throw new IllegalArgumentException("key '" + key + "' is missing or empty");
        }
        return t;
    }

    private static ValueCondition condition(String key, String text) {
        try {
            return ValueCondition.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key '" + key + "': " + e.getMessage(), e);
        }
    }

    private static boolean passValue(Object raw) {
        String t = text(raw).toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("false")) {
            return false;
        }
        if (t.equals("true")) {
            return true;
        }
        throw new IllegalArgumentException("key 'passValue' must be true or false, not '" + text(raw) + "'");
    }

    /** A list from a .config file as it is; one text (a .cfg line) split at commas unless it is JSON. */
    private static List<Object> parameters(Object raw) {
        List<Object> out = new ArrayList<>();
        if (raw instanceof String[] list && list.length != 1) {
            out.addAll(List.of(list));
            return out;
        }
        String one = text(raw);
        if (one.startsWith("[") || one.startsWith("{")) {
            out.add(one);
        } else if (!one.isEmpty()) {
            for (String part : one.split(",")) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static String text(Object raw) {
        if (raw instanceof String[] a) {
            return a.length == 0 ? "" : String.join(",", a).trim();
        }
        return raw == null ? "" : String.valueOf(raw).trim();
    }
}
