package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.gson.JsonObject;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ModelCacheTest {
    private static final UserSession ADMIN = new UserSession("a", Set.of("admin"), Set.of(), "t", true);
    private static final UserSession OTHER_ADMIN = new UserSession("b", Set.of("admin"), Set.of(), "u", true);
    private static final UserSession VIEWER = new UserSession("v", Set.of("viewer"), Set.of(), "w", false);

    @Test
    void accessChecksReuseTheModelOfTheSameRolesUntilTheVersionMovesOn() {
        AtomicLong version = new AtomicLong(1);
        AtomicInteger builds = new AtomicInteger();
        ModelCache cache = new ModelCache((user, v) -> {
            builds.incrementAndGet();
            return new Model(new JsonObject(), Set.of(), Set.of());
        }, version::get);

        Model first = cache.access(ADMIN);
        assertSame(first, cache.access(OTHER_ADMIN), "same roles, same version");
        cache.access(VIEWER);
        assertEquals(2, builds.get());
        version.incrementAndGet();
        cache.access(ADMIN);
        assertEquals(3, builds.get(), "a new version rebuilds");
        cache.model(ADMIN);
        cache.model(ADMIN);
        assertEquals(5, builds.get(), "api/model always builds afresh");
    }
}
