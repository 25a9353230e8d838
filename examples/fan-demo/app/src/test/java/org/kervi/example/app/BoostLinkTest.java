package org.kervi.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kervi.api.actions.ActionState;
import org.kervi.api.actions.ActionStateIds;
import org.kervi.api.values.NumberValue;
import org.kervi.example.controllers.FanController;
import org.kervi.testing.KerviExtension;
import org.kervi.testing.KerviTestRuntime;

/** The fan demo's action link (Kervi's {@code link_to} with a trigger value), tested with the kit. */
@ExtendWith(KerviExtension.class)
class BoostLinkTest {

    @Test
    void aCpuLoadAbove90BoostsTheFanUntilInterrupted(KerviTestRuntime kervi) {
        NumberValue cpuLoad = kervi.addValue(new NumberValue("cpu_load", "CPU"));
        cpuLoad.set(40.0);
        kervi.add(new FanController());
        new BoostLink(kervi.actionLinks());
        kervi.appMain();
        kervi.set("fan_controller.boost_time", 3600);
        kervi.call("fan_controller.activate", true);
        assertEquals(50.0, kervi.number("fan_controller.fan_speed"));

        kervi.set("cpu_load", 90);
        assertEquals(ActionState.IDLE, kervi.status("fan_controller.boost_run").state(), "90 is not above 90");

        kervi.set("cpu_load", 95);
        kervi.awaitValue("fan_controller.boosting", true);
        kervi.awaitValue("fan_controller.fan_speed", 100);
        assertEquals(ActionState.RUNNING, kervi.status("fan_controller.boost_run").state());

        kervi.set("cpu_load", 60);
        assertEquals(100.0, kervi.number("fan_controller.fan_speed"), "the load fell; the boost goes on");

        assertEquals(1, kervi.interrupt("fan_controller.boost_run"));
        kervi.awaitValue("fan_controller.fan_speed", 75);
        assertFalse(kervi.bool("fan_controller.boosting"));
        kervi.awaitValue(ActionStateIds.state("fan_controller.boost_run"), "interrupted");
    }
}
