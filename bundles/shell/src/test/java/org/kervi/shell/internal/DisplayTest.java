package org.kervi.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionInfo;

class DisplayTest {
    private static final Optional<ActionInfo> PERCENT = Optional.of(new ActionInfo("fan.activate", "Activate", "fan",
            "controllers", false, List.of(), "number", "", ActionConcurrency.SERIAL, Duration.ofSeconds(10),
            List.of(), "%", 0));

    @Test
    void aNumberResultShowsWithTheActionsUnitAndDecimals() {
        assertEquals("50 %", Display.result(50.0, PERCENT));
        assertEquals("100 %", Display.result(99.7, PERCENT));
    }

    @Test
    void withoutTheActionsMetadataANumberShowsAsReturned() {
        assertEquals("50.0", Display.result(50.0, Optional.empty()));
    }

    @Test
    void otherResultsShowAsTextOrJson() {
        assertEquals("(no result)", Display.result(null, PERCENT));
        assertEquals("true", Display.result(true, PERCENT));
        assertEquals("hello", Display.result("hello", PERCENT));
        assertEquals("{\"x\":1}", Display.result(Map.of("x", 1), PERCENT));
    }

    @Test
    void aTimeoutReadsTheSameWhereverItIsNoticed() {
        Display.CommandFailure fromTheCore = assertThrows(Display.CommandFailure.class, () -> Display.await(
                CompletableFuture.failedFuture(ActionException.timedOut("fan.activate", Duration.ofMillis(200))),
                1_000));
        assertEquals("fan.activate: TIMEOUT: no result within 200 ms", fromTheCore.getMessage());
        Display.CommandFailure waitedHere = assertThrows(Display.CommandFailure.class,
                () -> Display.await(new CompletableFuture<>(), 50));
        assertEquals("TIMEOUT: no result within 50 ms", waitedHere.getMessage());
    }
}
