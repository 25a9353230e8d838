package org.kervi.automation.internal.userlog;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

/** One entry as one line of JSON, as the store's file and the dashboard carry it. */
public final class EntryJson {
    private EntryJson() {}

    public static JsonObject toJson(UserLogEntry e) {
        JsonObject o = new JsonObject();
        o.addProperty("time", e.time().toString());
        o.addProperty("level", e.level().name());
        o.addProperty("source", e.sourceId());
        o.addProperty("instance", e.instance());
        o.addProperty("message", e.message());
        return o;
    }

    /** @throws IllegalArgumentException (or a Gson exception) for a line that is not an entry */
    static UserLogEntry fromLine(String line) {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        return new UserLogEntry(Instant.parse(o.get("time").getAsString()),
                UserLogLevel.valueOf(o.get("level").getAsString()), o.get("source").getAsString(),
                o.get("instance").getAsString(), o.get("message").getAsString());
    }
}
