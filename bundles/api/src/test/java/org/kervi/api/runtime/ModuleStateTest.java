package org.kervi.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleStateTest {

    @Test
    void keysAreWhatTheShellTheDashboardAndIpcShow() {
        assertEquals(List.of("invalid", "starting", "running", "unresponsive", "restarting", "crash-looping", "failed",
                "stopped"), Arrays.stream(ModuleState.values()).map(ModuleState::key).toList());
    }

    @Test
    void everyKeyReadsBackAndOnlyRunningServes() {
        for (ModuleState s : ModuleState.values()) {
            assertEquals(s, ModuleState.fromKey(s.key()).orElseThrow());
            assertEquals(s == ModuleState.RUNNING, s.isServing());
        }
        assertFalse(ModuleState.fromKey("CRASH_LOOPING").isPresent());
        assertTrue(ModuleState.fromKey("unknown").isEmpty());
    }
}
