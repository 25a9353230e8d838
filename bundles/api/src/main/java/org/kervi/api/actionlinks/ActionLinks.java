package org.kervi.api.actionlinks;

import java.util.List;
import org.kervi.api.Registration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Starts actions when values meet conditions, local or remote (through the registry and the action service, so a
 * value and an action in other instances work as local ones).
 *
 * <p>Edge-triggered: the action starts when the trigger condition <em>becomes</em> true (and when the link is added
 * while it already holds), not at every update while it stays true. A trigger while the started run still goes on is
 * skipped and counted, not queued. While the run goes on, each update that meets the interrupt condition interrupts
 * it.
 */
@ProviderType
public interface ActionLinks {

    /**
     * Adds a link.
     *
     * @throws IllegalArgumentException when the link's id is taken in this instance
     */
    Registration add(ActionLinkSpec spec);

    /** Every link of this instance, from code and configuration, sorted by id. */
    List<ActionLinkStatus> links();

    /** Starts a fluent declaration: {@code when("cpu_load").above(90).start("fan_controller.boost_run").register()}. */
    default ActionLinkBuilder when(String valueId) {
        return new ActionLinkBuilder(valueId, this::add);
    }
}
