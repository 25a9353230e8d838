package org.kervi.automation.internal.userlog;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

/**
 * A module instance's entries on their way to the root, which collects them by calling {@code take} (see
 * {@link UserLogCollector}). Each entry has a sequence number; an entry stays until the root acknowledges it by
 * asking for what follows. The epoch (new at each start of the instance) keeps an acknowledgement meant for an
 * earlier run from dropping entries. Bounded: when the root stays away the oldest go, and the root is told how many.
 */
final class UserLogOutbox {
    private record Numbered(long seq, UserLogEntry entry) {}

    private final String epoch = UUID.randomUUID().toString();
    private final int capacity;
    private final Deque<Numbered> waiting = new ArrayDeque<>();
    private long nextSeq = 1;
    private int dropped;
    private final String instanceId;

    UserLogOutbox(String instanceId, int capacity) {
        this.instanceId = instanceId;
        this.capacity = capacity;
    }

    synchronized void add(UserLogEntry entry) {
        while (waiting.size() >= capacity) {
            waiting.removeFirst();
            dropped++;
        }
        waiting.addLast(new Numbered(nextSeq++, entry));
    }

    /**
     * Drops what the root acknowledged ({@code ackUpTo} of {@code rootEpoch}, which must be this run's) and returns
     * at most {@code max} of the rest as {@code {"epoch":…,"entries":[{"seq":…,"time":…,"level":…,"source":…,
     * "message":…}]}}.
     */
    synchronized JsonObject take(String rootEpoch, long ackUpTo, int max) {
        if (epoch.equals(rootEpoch)) {
            while (!waiting.isEmpty() && waiting.peekFirst().seq() <= ackUpTo) {
                waiting.removeFirst();
            }
        }
        if (dropped > 0) {
            UserLogEntry first = waiting.isEmpty() ? null : waiting.peekFirst().entry();
            // beyond the capacity: the note must not push out another entry
            waiting.addLast(new Numbered(nextSeq++, new UserLogEntry(first == null ? java.time.Instant.now() : first.time(), UserLogLevel.WARNING,
                    "userlog", instanceId, dropped + " user log entries of this instance were dropped while the root"
                            + " did not collect them (" + capacity + " wait at most)")));
            dropped = 0;
        }
        JsonObject o = new JsonObject();
        o.addProperty("epoch", epoch);
        JsonArray entries = new JsonArray();
        int n = 0;
        for (Numbered e : waiting) {
            if (n++ == max) {
                break;
            }
            JsonObject j = EntryJson.toJson(e.entry());
            j.addProperty("seq", e.seq());
            entries.add(j);
        }
        o.add("entries", entries);
        return o;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
