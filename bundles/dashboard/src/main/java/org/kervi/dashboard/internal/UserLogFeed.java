package org.kervi.dashboard.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.kervi.api.Registration;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

/**
 * The user log's way into the live stream, when {@code kervi-automation} runs here: the newest entries when a stream
 * opens, then each entry as it is logged — the {@code userlog} event ({@code {"snapshot":…,"entries":[…]}}).
 */
final class UserLogFeed {
    static final int SNAPSHOT_ENTRIES = 30;

    private final Consumer<JsonObject> live;
    private UserLog log;
    private Registration listening;

    /** @param live where each new entry goes (every open stream) */
    UserLogFeed(Consumer<JsonObject> live) {
        this.live = live;
    }

    synchronized void use(UserLog userLog) {
        stopListening();
        log = userLog;
        listening = userLog.addListener(entry -> live.accept(event(List.of(entry), false)));
    }

    synchronized void gone(UserLog userLog) {
        if (log == userLog) {
            stopListening();
            log = null;
        }
    }

    /** The newest entries for a stream that opens; null when there is no user log here. */
    synchronized JsonObject snapshot() {
        return log == null ? null : event(log.entries(UserLogLevel.INFO, null, SNAPSHOT_ENTRIES), true);
    }

    private void stopListening() {
        if (listening != null) {
            listening.close();
            listening = null;
        }
    }

    static JsonObject event(List<UserLogEntry> entries, boolean snapshot) {
        JsonObject o = new JsonObject();
        o.addProperty("snapshot", snapshot);
        JsonArray all = new JsonArray();
        for (UserLogEntry e : entries) {
            JsonObject j = new JsonObject();
            j.addProperty("time", e.time().toString());
            j.addProperty("level", e.level().name().toLowerCase(Locale.ROOT));
            j.addProperty("source", e.sourceId());
            j.addProperty("instance", e.instance());
            j.addProperty("message", e.message());
            all.add(j);
        }
        o.add("entries", all);
        return o;
    }
}
