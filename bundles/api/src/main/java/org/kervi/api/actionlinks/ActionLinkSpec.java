package org.kervi.api.actionlinks;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One action link: when the value {@code valueId} comes to meet {@code trigger}, start the action {@code actionId}
 * with {@code parameters} (after the value itself when {@code passValue}); while that run goes on, interrupt it when
 * the value meets {@code interrupt} (null: never). Build one with {@link ActionLinks#when(String)} or
 * {@link ActionLinkBuilder}.
 *
 * @param id the link's own id, unique in its instance (letters, digits, {@code _ - : .})
 * @param parameters fixed arguments, as for {@code ActionService.call}: values of the parameter types or text as
 *     typed in the shell
 */
public record ActionLinkSpec(String id, String valueId, ValueCondition trigger, ValueCondition interrupt,
        String actionId, boolean passValue, List<Object> parameters) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:-]+(\\.[A-Za-z0-9_:-]+)*");

    public ActionLinkSpec {
        id = checkedId("link id", id);
        valueId = checkedId("value id", valueId);
        actionId = checkedId("action id", actionId);
        Objects.requireNonNull(trigger, "an action link needs a trigger condition");
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
    }

    private static String checkedId(String what, String id) {
        String t = id == null ? "" : id.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("an action link needs a " + what);
        }
        if (!ID.matcher(t).matches()) {
            throw new IllegalArgumentException(what + " '" + t + "' has characters an id cannot have (letters, digits,"
                    + " '_', '-', ':' and dots between parts)");
        }
        return t;
    }

    /** {@code cpu_load > 90 → fan_controller.boost_run}, for logs and errors. */
    public String describe() {
        return valueId + " " + trigger + " → " + actionId;
    }
}
