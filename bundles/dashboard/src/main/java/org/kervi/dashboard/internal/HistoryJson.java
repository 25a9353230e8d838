package org.kervi.dashboard.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.history.HistorySeries;

/** A history answer as {@code api/history} shows it (see docs/dashboard-api.md). */
final class HistoryJson {
    private HistoryJson() {}

    static JsonObject of(HistoryLookup.Answer answer) {
        HistorySeries s = answer.series();
        JsonObject o = new JsonObject();
        o.addProperty("id", s.id());
        o.addProperty("from", s.fromMillis());
        o.addProperty("to", s.toMillis());
        o.addProperty("source", s.source());
        o.addProperty("downsampled", s.downsampled());
        o.addProperty("matched", s.matched());
        if (answer.note() != null) {
            o.addProperty("note", answer.note());
        }
        o.add("points", points(s));
        return o;
    }

    /** {@code [[t, v], …]} oldest first. */
    static JsonArray points(HistorySeries s) {
        JsonArray points = new JsonArray(s.points().size());
        for (HistoryPoint p : s.points()) {
            JsonArray pair = new JsonArray(2);
            pair.add(p.timeMillis());
            pair.add(WireValues.state(p.value()));
            points.add(pair);
        }
        return points;
    }
}
