package org.kervi.example.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.components.Sensor;
import org.kervi.api.values.ValueRejectedException;
import org.kervi.testing.KerviExtension;
import org.kervi.testing.KerviTestRuntime;
import org.kervi.testing.ScriptedDriver;

/** The fan controller as a module author tests it: with the kervi-testing kit, by ids, as the runtime runs it. */
@ExtendWith(KerviExtension.class)
class FanControllerTest {
    private final ScriptedDriver cpu = new ScriptedDriver(60).unit("%").range(0, 100);

    @BeforeEach
    void startTheApplication(KerviTestRuntime kervi) {
        kervi.add(new FanController());
        // the sensors module's cpu_load, which fan_controller.temp links to
        kervi.add(new Sensor("cpu_load", "CPU", cpu));
        kervi.appMain();
    }

    @Test
    void speedFollowsTheSeedsFormula() {
        assertEquals(0, FanController.speedFor(0));
        assertEquals(0, FanController.speedFor(20));
        assertEquals(50, FanController.speedFor(40));
        assertEquals(75, FanController.speedFor(60));
        assertEquals(100, FanController.speedFor(80));
        assertEquals(100, FanController.speedFor(150));
    }

    @Test
    void theLoadReadsWarningFrom75AndErrorFrom90() {
        FanController fan = new FanController();
        fan.temp.set(74.0);
        assertEquals(org.kervi.api.values.RangeLevel.NORMAL, fan.temp.rangeLevel());
        fan.temp.set(75.0);
        assertEquals(org.kervi.api.values.RangeLevel.WARNING, fan.temp.rangeLevel());
        assertEquals("CPU load high", fan.temp.activeRange().message());
        fan.temp.set(90.0);
        assertEquals(org.kervi.api.values.RangeLevel.ERROR, fan.temp.rangeLevel());
    }

    @Test
    void anInactiveFanStandsStillAndActivationAppliesTheFormula(KerviTestRuntime kervi) {
        assertEquals(60.0, kervi.number("fan_controller.temp"), "the link delivered the first reading");
        assertEquals(0.0, kervi.number("fan_controller.fan_speed"));

        assertEquals(75.0, kervi.call("fan_controller.activate", true));
        assertTrue(kervi.bool("fan_controller.active"));

        cpu.reads(40);
        kervi.advance(Duration.ofSeconds(1));
        assertEquals(50.0, kervi.number("fan_controller.fan_speed"), "the next poll reached the fan");
    }

    @Test
    void maxSpeedCapsAndBoostRunsAtTheCap(KerviTestRuntime kervi) {
        kervi.call("fan_controller.activate", "true");
        cpu.reads(40);
        kervi.poll("cpu_load");

        kervi.set("fan_controller.max_speed", 30);
        assertEquals(30.0, kervi.number("fan_controller.fan_speed"), "max_speed caps the formula");
        kervi.set("fan_controller.boost", "on");
        assertEquals(30.0, kervi.number("fan_controller.fan_speed"), "boost runs at the cap");
        kervi.set("fan_controller.max_speed", 100);
        assertEquals(100.0, kervi.number("fan_controller.fan_speed"));
        kervi.set("fan_controller.boost", false);
        assertEquals(50.0, kervi.number("fan_controller.fan_speed"));

        assertEquals(0.0, kervi.call("fan_controller.activate", false));
        kervi.set("fan_controller.boost", true);
        assertEquals(0.0, kervi.number("fan_controller.fan_speed"), "an inactive fan ignores boost");
        assertFalse(kervi.bool("fan_controller.active"));
    }

    @Test
    void boostRunsAtTheCapUntilInterruptedThenFollowsTheFormulaAgain(KerviTestRuntime kervi) {
        cpu.reads(40);
        kervi.poll("cpu_load");
        kervi.set("fan_controller.boost_time", 3600);
        kervi.call("fan_controller.activate", true);

        ActionRun boost = kervi.start("fan_controller.boost_run");
        kervi.awaitValue("fan_controller.fan_speed", 100);
        assertTrue(kervi.bool("fan_controller.boosting"));
        assertEquals(ActionError.BUSY, assertThrows(ActionException.class,
                () -> kervi.call("fan_controller.boost_run")).error(), "a second boost while one runs is refused");

        assertEquals(1, kervi.interrupt(boost.runId()));

        assertEquals(ActionError.INTERRUPTED, assertThrows(ActionException.class, () -> kervi.result(boost)).error());
        assertFalse(kervi.bool("fan_controller.boosting"));
        assertEquals(50.0, kervi.number("fan_controller.fan_speed"), "back to the formula");
    }

    @Test
    void operatorsCannotDriveTheOutputsOrLeaveTheRange(KerviTestRuntime kervi) {
        assertThrows(ValueRejectedException.class, () -> kervi.set("fan_controller.fan_speed", 10));
        ValueRejectedException tooFast = assertThrows(ValueRejectedException.class,
                () -> kervi.set("fan_controller.max_speed", 120));
        assertEquals("fan_controller.max_speed", tooFast.valueId());
        assertEquals(100.0, kervi.number("fan_controller.max_speed"));
    }
}
