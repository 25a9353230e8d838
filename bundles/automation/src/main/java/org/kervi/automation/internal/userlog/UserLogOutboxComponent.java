package org.kervi.automation.internal.userlog;

import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.components.KerviComponent;

/**
 * A module instance's outbox as an action the root calls over IPC: {@code userlog.<instance>.take}. The root may call
 * any instance's actions, so no grant is needed, and the root stamps the entries with the action's owner: a module
 * cannot log in another instance's name.
 */
public final class UserLogOutboxComponent extends KerviComponent {
    static final String PREFIX = "userlog.";
    static final String TAKE = ".take";
    static final int BATCH = 200;

    private final UserLogOutbox outbox;

    UserLogOutboxComponent(String instanceId, UserLogOutbox outbox) {
        super(PREFIX + instanceId, "User log of " + instanceId);
        this.outbox = outbox;
    }

    /** The entries after {@code ackUpTo} (of run {@code epoch}) as JSON text; for the root's collector. */
    @Action(id = "take", name = "Entries for the root's user log", concurrency = ActionConcurrency.SERIAL,
            stateValues = false)
    public String take(String epoch, long ackUpTo) {
        return outbox.take(epoch, ackUpTo, BATCH).toString();
    }

    static boolean isTake(String actionId) {
        return actionId.startsWith(PREFIX) && actionId.endsWith(TAKE) && actionId.length() > PREFIX.length()
                + TAKE.length();
    }
}
