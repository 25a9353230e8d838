package org.kervi.dashboard.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Models for access checks, one per set of roles and groups, rebuilt when the model version moves on: a value
 * write or an action call then does not build the whole model to learn whether its id is hidden.
 */
final class ModelCache implements ModelSource {
    private record Entry(long version, Model model) {}

    private final BiFunction<UserSession, Long, Model> build;
    private final LongSupplier version;
    private final Map<Set<String>, Entry> byAccess = new ConcurrentHashMap<>();

    ModelCache(BiFunction<UserSession, Long, Model> build, LongSupplier version) {
        this.build = build;
        this.version = version;
    }

    @Override
    public Model model(UserSession user) {
        return build.apply(user, version.getAsLong());
    }

    @Override
    public Model access(UserSession user) {
        long now = version.getAsLong();
        Entry e = byAccess.get(user.rolesAndGroups());
        if (e == null || e.version() != now) {
            if (byAccess.size() > 1000) {
                byAccess.clear();
            }
            e = new Entry(now, build.apply(user, now));
            byAccess.put(user.rolesAndGroups(), e);
        }
        return e.model();
    }
}
