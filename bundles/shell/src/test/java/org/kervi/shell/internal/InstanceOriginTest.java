package org.kervi.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class InstanceOriginTest {

    @Test
    void theRootTellsSpawnedModulesFromJoinedOnes() {
        Set<String> modules = Set.of("sensors", "controllers");
        assertEquals("root", InstanceOrigin.of("root", "root", modules).toString());
        assertEquals("spawned", InstanceOrigin.of("sensors", "root", modules).toString());
        assertEquals("joined", InstanceOrigin.of("shed-pi", "root", modules).toString());
    }

    @Test
    void elsewhereOnlyThisInstanceIsKnown() {
        assertEquals("this instance", InstanceOrigin.of("sensors", "sensors", null).toString());
        assertEquals("linked", InstanceOrigin.of("root", "sensors", null).toString());
    }
}
