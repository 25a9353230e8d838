package org.kervi.history.internal;

import java.util.List;
import java.util.Optional;
import org.kervi.api.values.ValueKind;

/**
 * Which values are recorded, in this order: persisted values always; an id matching an {@code exclude} pattern never;
 * one matching an {@code include} pattern always; else what the value declared ({@code Value.log}); else
 * {@code recordByDefault}. Only numbers, booleans, enums and text are recorded.
 */
record RecordingRules(boolean recordByDefault, List<IdPattern> include, List<IdPattern> exclude) {

    static final RecordingRules DEFAULT = new RecordingRules(true, List.of(), List.of());

    boolean records(String id, ValueKind kind, boolean persisted, Optional<Boolean> logDeclared) {
        if (!recordable(kind)) {
            return false;
        }
        if (persisted) {
            return true;
        }
        if (matchesAny(exclude, id)) {
            return false;
        }
        if (matchesAny(include, id)) {
            return true;
        }
        return logDeclared.orElse(recordByDefault);
    }

    static boolean recordable(ValueKind kind) {
        return kind == ValueKind.NUMBER || kind == ValueKind.BOOLEAN || kind == ValueKind.ENUM
                || kind == ValueKind.STRING;
    }

    private static boolean matchesAny(List<IdPattern> patterns, String id) {
        for (IdPattern p : patterns) {
            if (p.matches(id)) {
                return true;
            }
        }
        return false;
    }
}
