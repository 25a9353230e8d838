package org.kervi.api.actionlinks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.kervi.api.Registration;

/**
 * Reads as a sentence: {@code links.when("cpu_load").above(90).start("fan_controller.boost_run").passValue()
 * .interruptWhen(ValueCondition.below(70)).register()}. Not thread-safe; each step returns this builder.
 */
public final class ActionLinkBuilder {
    private final String valueId;
    private final Function<ActionLinkSpec, Registration> registrar;
    private String id;
    private ValueCondition trigger;
    private ValueCondition interrupt;
    private String actionId;
    private boolean passValue;
    private final List<Object> parameters = new ArrayList<>();

    /** @param registrar what {@link #register()} hands the finished spec to (usually {@link ActionLinks#add}) */
    public ActionLinkBuilder(String valueId, Function<ActionLinkSpec, Registration> registrar) {
        this.valueId = valueId;
        this.registrar = registrar;
    }

    public ActionLinkBuilder meets(ValueCondition condition) {
        this.trigger = condition;
        return this;
    }

    public ActionLinkBuilder isTrue() {
        return meets(ValueCondition.isTrue());
    }

    public ActionLinkBuilder isFalse() {
        return meets(ValueCondition.isFalse());
    }

    public ActionLinkBuilder above(double threshold) {
        return meets(ValueCondition.above(threshold));
    }

    public ActionLinkBuilder below(double threshold) {
        return meets(ValueCondition.below(threshold));
    }

    public ActionLinkBuilder equalTo(Object operand) {
        return meets(ValueCondition.equalTo(operand));
    }

    public ActionLinkBuilder start(String actionId) {
        this.actionId = actionId;
        return this;
    }

    public ActionLinkBuilder interruptWhen(ValueCondition condition) {
        this.interrupt = condition;
        return this;
    }

    /** Passes the value that triggered as the action's first argument (Kervi's {@code pass_value=True}). */
    public ActionLinkBuilder passValue() {
        this.passValue = true;
        return this;
    }

    /** Fixed arguments after the value (Kervi's {@code action_parameters}). */
    public ActionLinkBuilder withParameters(Object... parameters) {
        this.parameters.addAll(Arrays.asList(parameters));
        return this;
    }

    /** The link's id; default {@code <value id>-<action id>}. */
    public ActionLinkBuilder id(String id) {
        this.id = id;
        return this;
    }

    /** @throws IllegalArgumentException when a part is missing or malformed, naming it */
    public ActionLinkSpec build() {
        if (trigger == null) {
            throw new IllegalArgumentException("action link on '" + valueId + "' has no trigger condition (isTrue(),"
                    + " above(n), below(n), equalTo(x), meets(c))");
        }
        if (actionId == null) {
            throw new IllegalArgumentException("action link on '" + valueId + "' names no action (start(id))");
        }
        String linkId = id != null ? id : valueId + "-" + actionId;
        return new ActionLinkSpec(linkId, valueId, trigger, interrupt, actionId, passValue,
                parameters);
    }

    /** Builds the spec and registers it; closing the registration removes the link. */
    public Registration register() {
        return registrar.apply(build());
    }
}
