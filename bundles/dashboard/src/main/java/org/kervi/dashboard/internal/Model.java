package org.kervi.dashboard.internal;

import com.google.gson.JsonObject;
import java.util.Set;

/**
 * What one user sees: the model JSON of {@code api/model}, the value ids the stream sends them, and the ids
 * they may not touch (those only on dashboards their groups may not see).
 */
record Model(JsonObject json, Set<String> streamedIds, Set<String> hiddenIds) {
    Model {
        streamedIds = Set.copyOf(streamedIds);
        hiddenIds = Set.copyOf(hiddenIds);
    }

    void requireAllowed(String id) {
        if (hiddenIds.contains(id)) {
            throw new HttpError(403, "'" + id + "' is only on dashboards your user groups may not see");
        }
    }
}
