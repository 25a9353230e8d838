package org.kervi.homeassistant.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands from Home Assistant, checked as the dashboard checks a write: the id must be exposed and allowed to
 * take commands ({@code commandIds}, Home Assistant's role), writable from outside, and the payload of the value's
 * type and within its range or options ({@link Value#setFromOutside}, by the owner, wherever it lives). A refusal is
 * logged with its reason and written to the user log; the instance goes on.
 */
final class Commands {
    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);
    /** The user log's source for a command that names no known id. */
    static final String SOURCE = "homeassistant";

    private final HomeAssistantSettings settings;
    private final KerviRegistry registry;
    private final ActionService actions;
    private final Supplier<UserLog> userLog;
    private final Executor bridgeThread;
    private final Consumer<String> stateRefresh;

    Commands(HomeAssistantSettings settings, KerviRegistry registry, ActionService actions, Supplier<UserLog> userLog,
            Executor bridgeThread, Consumer<String> stateRefresh) {
        this.settings = settings;
        this.registry = registry;
        this.actions = actions;
        this.userLog = userLog;
        this.bridgeThread = bridgeThread;
        this.stateRefresh = stateRefresh;
    }

    /** @param entity null when no exposed id is behind the topic */
    void handle(String topic, Entity entity, String payload) {
        if (entity == null) {
            refuse(SOURCE, "a command on " + topic + " names no exposed value or action");
            return;
        }
        String id = entity.kerviId();
        if (!settings.commandIds().matches(id)) {
            refuse(id, id + " takes no commands from Home Assistant (not in commandIds: " + settings.commandIds()
                    + ")");
            return;
        }
        if (entity.action()) {
            press(id, payload);
        } else {
            write(id, payload);
        }
    }

    private void press(String id, String payload) {
        if (!payload.trim().equals(Payloads.PRESS)) {
            refuse(id, id + ": expected " + Payloads.PRESS + ", got " + Payloads.quoted(payload));
            return;
        }
        actions.call(id, List.of(), null).whenComplete((result, failure) -> {
            if (failure != null) {
                bridgeThread.execute(() -> refuse(id, "the press of " + id + " failed: " + reason(failure)));
            } else {
                LOG.info("Home Assistant pressed {}: {}", id, result);
            }
        });
    }

    private void write(String id, String payload) {
        Optional<ValueEntry> entry = registry.value(id);
        if (entry.isEmpty()) {
            refuse(id, id + " is gone");
            return;
        }
        Value<?> value = entry.get().value();
        Object raw;
        try {
            if (!value.role().writableFromOutside()) {
                throw Value.readOnly(id, value.role());
            }
            raw = Payloads.command(value, payload);
        } catch (ValueRejectedException e) {
            refuse(id, e.getMessage());
            stateRefresh.accept(id);
            return;
        }
        registry.setValue(id, raw).whenComplete((done, failure) -> bridgeThread.execute(() -> {
            if (failure != null) {
                refuse(id, reason(failure));
            } else {
                LOG.info("Home Assistant set {} to {}", id, Payloads.quoted(payload));
            }
            stateRefresh.accept(id);
        }));
    }

    private void refuse(String source, String reason) {
        String message = "Home Assistant command refused: " + reason;
        LOG.warn(message);
        UserLog log = userLog.get();
        if (log != null) {
            log.log(UserLogLevel.WARNING, source, message);
        }
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
