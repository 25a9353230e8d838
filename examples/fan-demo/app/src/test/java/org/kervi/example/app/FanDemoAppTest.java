package org.kervi.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kervi.api.runtime.ModuleState;
import org.kervi.api.values.NumberValue;
import org.kervi.example.controllers.FanController;
import org.kervi.testing.KerviExtension;
import org.kervi.testing.KerviTestRuntime;

/**
 * The fan demo's application code with the real fan controller, in one test runtime: the DS component is
 * constructed by hand with the runtime's services, and the application's life is simulated step by step.
 */
@ExtendWith(KerviExtension.class)
class FanDemoAppTest {

    @Test
    void appMainSwitchesTheFanOnAndAppExitOff(KerviTestRuntime kervi) {
        kervi.addValue(new NumberValue("cpu_load", "CPU")).set(80.0);
        kervi.add(new FanController());
        kervi.addApplicationCode(new FanDemoApp(kervi.actions(), kervi.registry()));

        kervi.appMain();
        assertTrue(kervi.bool("fan_controller.active"));
        assertEquals(100.0, kervi.number("fan_controller.fan_speed"));

        kervi.appExit();
        assertFalse(kervi.bool("fan_controller.active"));
        assertEquals(0.0, kervi.number("fan_controller.fan_speed"));
    }

    @Test
    void anOperatorsSwitchOffIsKeptAcrossARestartOfTheControllersModule(KerviTestRuntime kervi) {
        FanController controller = kervi.add(new FanController());
        kervi.addApplicationCode(new FanDemoApp(kervi.actions(), kervi.registry()));
        kervi.appMain();

        kervi.call("fan_controller.activate", false);
        kervi.moduleLost("test", ModuleState.RESTARTING);
        kervi.remove(controller);
        kervi.add(new FanController());
        kervi.call("fan_controller.activate", true);
        kervi.moduleReady("test");

        assertFalse(kervi.bool("fan_controller.active"), "the app re-applied the operator's off");
    }
}
