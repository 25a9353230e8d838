package org.kervi.automation.internal.userlog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionListener;
import org.kervi.api.actions.ActionService;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

/**
 * The root's side of the module instances' user logs: calls each instance's {@code userlog.<instance>.take}
 * (see {@link UserLogOutboxComponent}) on every {@link #poll()}, stores what it returns stamped with the action's
 * owner, and acknowledges it with the next call. At least once: after a restart of the root the last batch before it
 * may come again.
 */
final class UserLogCollector implements AutoCloseable {
    private static final Logger LOG = System.getLogger(UserLogCollector.class.getName());
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private static final class Source {
        final String owner;
        String epoch = "";
        long lastSeq;
        boolean inFlight;
        String lastProblem = "";

        Source(String owner) {
            this.owner = owner;
        }
    }

    private final ActionService actions;
    private final Consumer<UserLogEntry> received;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final Registration listening;

    UserLogCollector(ActionService actions, Consumer<UserLogEntry> received) {
        this.actions = actions;
        this.received = received;
        listening = actions.addListener(new ActionListener() {
            @Override
            public void actionAdded(ActionInfo action) {
                consider(action);
            }

            @Override
            public void actionRemoved(ActionInfo action) {
                sources.remove(action.id());
            }
        });
        actions.actions().forEach(this::consider);
    }

    private void consider(ActionInfo action) {
        if (!action.local() && UserLogOutboxComponent.isTake(action.id())) {
            sources.putIfAbsent(action.id(), new Source(action.owner()));
        }
    }

    /** Asks every instance with an outbox for its next entries (one call at a time per instance). */
    void poll() {
        sources.forEach((actionId, source) -> {
            synchronized (source) {
                if (source.inFlight) {
                    return;
                }
                source.inFlight = true;
            }
            actions.call(actionId, List.of(source.epoch, source.lastSeq), CALL_TIMEOUT)
                    .whenComplete((result, error) -> collected(actionId, source, result, error));
        });
    }

    private void collected(String actionId, Source source, Object result, Throwable error) {
        synchronized (source) {
            source.inFlight = false;
            if (error != null) {
                String problem = String.valueOf(error.getMessage());
                if (!problem.equals(source.lastProblem)) {
                    LOG.log(Level.DEBUG, "user log of " + source.owner + " not collected: " + problem);
                }
                source.lastProblem = problem;
                return;
            }
            source.lastProblem = "";
            try {
                JsonObject batch = JsonParser.parseString(text(result)).getAsJsonObject();
                String epoch = batch.get("epoch").getAsString();
                long last = epoch.equals(source.epoch) ? source.lastSeq : 0;
                for (JsonElement e : batch.getAsJsonArray("entries")) {
                    JsonObject o = e.getAsJsonObject();
                    long seq = o.get("seq").getAsLong();
                    if (seq > last) {
                        received.accept(new UserLogEntry(Instant.parse(o.get("time").getAsString()),
                                UserLogLevel.valueOf(o.get("level").getAsString()), o.get("source").getAsString(),
                                source.owner, o.get("message").getAsString()));
                        last = seq;
                    }
                }
                source.epoch = epoch;
                source.lastSeq = last;
            } catch (RuntimeException bad) {
                LOG.log(Level.WARNING, actionId + " answered what is not a user log batch: " + bad.getMessage());
            }
        }
    }

    private static String text(Object result) {
        if (result instanceof JsonElement json) {
            return json.isJsonPrimitive() ? json.getAsString() : json.toString();
        }
        return String.valueOf(result);
    }

    @Override
    public void close() {
        listening.close();
        sources.clear();
    }
}
