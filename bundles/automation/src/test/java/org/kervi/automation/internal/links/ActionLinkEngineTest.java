package org.kervi.automation.internal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.kervi.api.Registration;
import org.kervi.api.actionlinks.ActionLinkState;
import org.kervi.api.actionlinks.ActionLinkStatus;
import org.kervi.api.actionlinks.ValueCondition;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.NumberValue;
import org.junit.jupiter.api.Test;

class ActionLinkEngineTest {
    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
    private final FakeRegistry registry = new FakeRegistry();
    private final FakeStarter starter = new FakeStarter();
    private final ActionLinkEngine engine = new ActionLinkEngine(registry, starter, Clock.fixed(NOW, ZoneOffset.UTC));
    private final NumberValue cpu = registry.add(new NumberValue("cpu_load", "CPU"));

    @Test
    void startsWhenTheConditionBecomesTrueNotOnEveryUpdateWhileTrue() {
        engine.when("cpu_load").above(90).start("fan.boost").register();
        cpu.set(50.0);
        assertEquals(0, starter.starts.size());
        cpu.set(95.0);
        assertEquals(1, starter.starts.size());
        starter.last().done().complete(null);
        cpu.set(97.0);
        cpu.set(99.0);
        assertEquals(1, starter.starts.size(), "still above 90: no new edge");
        cpu.set(80.0);
        cpu.set(91.0);
        assertEquals(2, starter.starts.size());
        assertEquals(2, status().starts());
        assertEquals(NOW, status().lastTrigger());
    }

    @Test
    void aTriggerWhileTheRunGoesOnIsSkippedNotQueued() {
        engine.when("cpu_load").above(90).start("fan.boost").register();
        cpu.set(95.0);
        cpu.set(10.0);
        cpu.set(95.0);
        assertEquals(1, starter.starts.size());
        assertEquals(1, status().skipped());
        assertEquals(ActionLinkState.RUNNING, status().state());
        starter.last().done().complete(null);
        assertEquals(ActionLinkState.WAITING, status().state());
        assertEquals(1, starter.starts.size(), "the skipped trigger did not start later");
    }

    @Test
    void interruptsTheRunningActionWhenTheInterruptConditionHolds() {
        engine.when("cpu_load").above(90).start("fan.boost").interruptWhen(ValueCondition.below(50)).register();
        cpu.set(60.0);
        cpu.set(95.0);
        cpu.set(70.0);
        assertFalse(starter.last().wasInterrupted());
        cpu.set(40.0);
        assertTrue(starter.last().wasInterrupted());
        ActionLinkStatus s = status();
        assertEquals(1, s.interrupts());
        assertEquals(ActionLinkState.WAITING, s.state());
        assertEquals("", s.lastError(), "an interrupt the link asked for is no error");
    }

    @Test
    void theInterruptConditionAloneStartsNothingAndInterruptsNothingIdle() {
        engine.when("cpu_load").above(90).start("fan.boost").interruptWhen(ValueCondition.below(50)).register();
        cpu.set(40.0);
        assertEquals(0, starter.starts.size());
        assertEquals(0, status().interrupts());
    }

    @Test
    void passesTheValueFirstThenTheFixedParameters() {
        engine.when("cpu_load").above(90).start("fan.boost").passValue().withParameters("fast", 3).register();
        cpu.set(95.0);
        assertEquals(List.of(95.0, "fast", 3), starter.last().args());
    }

    @Test
    void withoutPassValueOnlyTheParametersGo() {
        engine.when("cpu_load").above(90).start("fan.boost").withParameters(true).register();
        cpu.set(95.0);
        assertEquals(List.of(true), starter.last().args());
    }

    @Test
    void booleanTriggerOnAValueAddedAfterTheLink() {
        engine.when("door").isTrue().start("alarm.ring").register();
        assertEquals(ActionLinkState.UNRESOLVED, status().state());
        BooleanValue door = registry.add(new BooleanValue("door", "Door"));
        assertEquals(ActionLinkState.WAITING, status().state());
        door.set(false);
        door.set(true);
        assertEquals(1, starter.starts.size());
        assertEquals("alarm.ring", starter.last().actionId());
    }

    @Test
    void aLinkAddedWhileTheConditionHoldsStartsOnce() {
        cpu.set(95.0);
        engine.when("cpu_load").above(90).start("fan.boost").register();
        assertEquals(1, starter.starts.size());
    }

    @Test
    void aFailedRunIsTheLinksLastErrorAndTheNextEdgeStartsAgain() {
        engine.when("cpu_load").above(90).start("fan.boost").register();
        cpu.set(95.0);
        starter.last().done().completeExceptionally(new ActionException("fan.boost", ActionError.FAILED,
                "fan jammed"));
        assertTrue(status().lastError().contains("fan jammed"), status().lastError());
        cpu.set(10.0);
        cpu.set(95.0);
        assertEquals(2, starter.starts.size());
    }

    @Test
    void aStartRefusedAtOnceIsRecordedAndTheValueKeepsItsListeners() {
        starter.refuse = new IllegalStateException("no action with id 'fan.boost' is known");
        engine.when("cpu_load").above(90).start("fan.boost").register();
        cpu.set(95.0);
        assertEquals("no action with id 'fan.boost' is known", status().lastError());
        assertEquals(ActionLinkState.WAITING, status().state());
        assertEquals(95.0, cpu.get());
    }

    @Test
    void aTakenIdIsRefusedWithItsName() {
        engine.when("cpu_load").above(90).start("fan.boost").id("boost").register();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> engine.when("cpu_load").below(10).start("fan.stop").id("boost").register());
        assertTrue(e.getMessage().contains("'boost'"), e.getMessage());
        assertEquals(1, engine.links().size());
    }

    @Test
    void closingTheRegistrationRemovesTheLink() {
        Registration r = engine.when("cpu_load").above(90).start("fan.boost").register();
        r.close();
        cpu.set(95.0);
        assertEquals(0, starter.starts.size());
        assertTrue(engine.links().isEmpty());
    }

    @Test
    void anInvalidConfigurationIsListedWithItsReason() {
        engine.addInvalid("broken", "org.kervi.automation.actionlink~broken", "key 'trigger' is missing or empty");
        ActionLinkStatus s = status();
        assertEquals(ActionLinkState.INVALID, s.state());
        assertEquals("key 'trigger' is missing or empty", s.lastError());
    }

    private ActionLinkStatus status() {
        return engine.links().get(0);
    }
}
