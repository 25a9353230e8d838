package org.kervi.automation.internal.userlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionListener;
import org.kervi.api.actions.ActionService;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

class UserLogOutboxTest {

    private static UserLogEntry entry(int i) {
        return new UserLogEntry(Instant.ofEpochSecond(i), UserLogLevel.WARNING, "temp", "b", "entry " + i);
    }

    @Test
    void entriesStayUntilTheRootAcknowledgesThemInThisRun() {
        UserLogOutbox outbox = new UserLogOutbox("b", 100);
        for (int i = 1; i <= 3; i++) {
            outbox.add(entry(i));
        }
        JsonObject first = outbox.take("", 0, 200);
        String epoch = first.get("epoch").getAsString();
        assertEquals(3, first.getAsJsonArray("entries").size());
        assertEquals(3, outbox.take("an earlier run", 3, 200).getAsJsonArray("entries").size(),
                "an acknowledgement of another run drops nothing");
        JsonArray rest = outbox.take(epoch, 2, 200).getAsJsonArray("entries");
        assertEquals(1, rest.size());
        assertEquals(3, rest.get(0).getAsJsonObject().get("seq").getAsLong());
        assertEquals(0, outbox.take(epoch, 3, 200).getAsJsonArray("entries").size());
        assertEquals(0, outbox.waiting());
    }

    @Test
    void aFullOutboxDropsTheOldestAndSaysHowMany() {
        UserLogOutbox outbox = new UserLogOutbox("b", 2);
        for (int i = 1; i <= 5; i++) {
            outbox.add(entry(i));
        }
        JsonArray entries = outbox.take("", 0, 200).getAsJsonArray("entries");
        assertEquals(List.of("entry 4", "entry 5", "3 user log entries of this instance were dropped while the root"
                + " did not collect them (2 wait at most)"), messages(entries));
    }

    @Test
    void theRootCollectsOnceStampedWithTheOwnerAndAcknowledges() {
        UserLogOutbox outbox = new UserLogOutbox("b", 100);
        UserLogOutboxComponent component = new UserLogOutboxComponent("b", outbox);
        OneRemoteAction actions = new OneRemoteAction(component);
        List<UserLogEntry> kept = new ArrayList<>();
        try (UserLogCollector collector = new UserLogCollector(actions, kept::add)) {
            outbox.add(new UserLogEntry(Instant.ofEpochSecond(1), UserLogLevel.ERROR, "pump", "not-b", "dry"));
            collector.poll();
            collector.poll();
            assertEquals(List.of(new UserLogEntry(Instant.ofEpochSecond(1), UserLogLevel.ERROR, "pump", "b", "dry")),
                    kept, "once, and in the name of the action's owner, whatever the entry claims");
            assertEquals(0, outbox.waiting(), "the second call acknowledged the first batch");
            outbox.add(entry(2));
            collector.poll();
            assertEquals(2, kept.size());
            assertTrue(UserLogOutboxComponent.isTake("userlog.b.take"));
            assertTrue(!UserLogOutboxComponent.isTake("userlog..take") && !UserLogOutboxComponent.isTake("x.take"));
        }
    }

    private static List<String> messages(JsonArray entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.getAsJsonObject().get("message").getAsString()));
        return out;
    }

    /** An action service that knows one remote action, b's outbox, and calls it at once. */
    private static final class OneRemoteAction implements ActionService {
        private final UserLogOutboxComponent outbox;
        private final ActionInfo info = new ActionInfo("userlog.b.take", "take", "userlog.b", "b", false, List.of(),
                "String", "", ActionConcurrency.SERIAL, Duration.ofSeconds(5));

        OneRemoteAction(UserLogOutboxComponent outbox) {
            this.outbox = outbox;
        }

        @Override
        public CompletableFuture<Object> call(String actionId, List<?> args, Duration timeout) {
            // as over IPC: the result arrives as JSON text
            return CompletableFuture.completedFuture(JsonParser.parseString(
                    new com.google.gson.Gson().toJson(outbox.take((String) args.get(0), (Long) args.get(1)))));
        }

        @Override
        public org.kervi.api.actions.ActionRun start(String actionId, List<?> args, Duration timeout) {
            throw new UnsupportedOperationException("the collector only calls");
        }

        @Override
        public org.kervi.api.actions.ActionRun start(String actionId, List<?> args, Duration timeout, String runId) {
            throw new UnsupportedOperationException("the collector only calls");
        }

        @Override
        public CompletableFuture<Integer> interrupt(String actionOrRunId) {
            throw new UnsupportedOperationException("the collector only calls");
        }

        @Override
        public Optional<org.kervi.api.actions.ActionStatus> status(String actionId) {
            return Optional.empty();
        }

        @Override
        public Registration addStateListener(org.kervi.api.actions.ActionStateListener listener) {
            return () -> {};
        }

        @Override
        public List<ActionInfo> actions() {
            return List.of(info);
        }

        @Override
        public Optional<ActionInfo> action(String actionId) {
            return Optional.of(info);
        }

        @Override
        public int running(String actionId) {
            return 0;
        }

        @Override
        public Registration addListener(ActionListener listener) {
            return () -> {};
        }
    }
}
