package org.kervi.automation.internal.userlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kervi.api.actions.ActionState;
import org.kervi.api.actions.ActionStateChange;
import org.kervi.api.userlog.UserLogLevel;

class ActionStateMessagesTest {

    private static Optional<ActionStateMessages> of(ActionState state, String error, Duration d) {
        return ActionStateMessages.of(new ActionStateChange("pump.run", "r1", state, error, d, Instant.EPOCH));
    }

    @Test
    void runsBecomeLinesAtTheirLevel() {
        assertEquals(new ActionStateMessages(UserLogLevel.INFO, "Action pump.run started"),
                of(ActionState.RUNNING, "", null).orElseThrow());
        assertEquals(new ActionStateMessages(UserLogLevel.INFO, "Action pump.run succeeded after 1.5 s"),
                of(ActionState.SUCCEEDED, "", Duration.ofMillis(1500)).orElseThrow());
        assertEquals(new ActionStateMessages(UserLogLevel.ERROR, "Action pump.run failed after 0.2 s: dry"),
                of(ActionState.FAILED, "dry", Duration.ofMillis(200)).orElseThrow());
        assertEquals(UserLogLevel.WARNING, of(ActionState.INTERRUPTED, "", Duration.ZERO).orElseThrow().level());
        assertTrue(of(ActionState.QUEUED, "", null).isEmpty());
    }

    @Test
    void patternsNameIdsOrPrefixes() {
        ActionPatterns p = new ActionPatterns(List.of(" pump.run ", "fan_controller.*", ""));
        assertTrue(p.matches("pump.run"));
        assertTrue(p.matches("fan_controller.activate"));
        assertFalse(p.matches("pump.stop"));
        assertTrue(new ActionPatterns(List.of("*")).matches("anything"));
        assertTrue(new ActionPatterns(List.of(" ")).isEmpty());
    }
}
