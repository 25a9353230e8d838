package org.kervi.dashboard.internal;

import com.google.gson.JsonObject;
import org.kervi.api.history.HistoryStatus;
import org.kervi.api.history.ValueHistory;

/**
 * What {@code api/health} answers: how the history store records (see {@link HistoryStatus}), or that no store is
 * installed; the server's time so the page can say how long ago the last write was.
 */
final class HealthJson {
    private HealthJson() {}

    static JsonObject of(ValueHistory history, long nowMillis) {
        JsonObject o = new JsonObject();
        o.addProperty("serverTime", nowMillis);
        o.add("history", history(history));
        return o;
    }

    private static JsonObject history(ValueHistory history) {
        if (history == null) {
            JsonObject absent = new JsonObject();
            absent.addProperty("installed", false);
            return absent;
        }
        JsonObject o;
        try {
            o = WireValues.GSON.toJsonTree(history.status()).getAsJsonObject();
        } catch (RuntimeException e) {
            o = new JsonObject();
            o.addProperty("healthy", false);
            o.addProperty("problem", "status unavailable: " + e);
        }
        o.addProperty("installed", true);
        return o;
    }
}
