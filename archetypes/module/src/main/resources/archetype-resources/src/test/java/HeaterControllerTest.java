package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kervi.api.values.ValueRejectedException;
import org.kervi.testing.KerviExtension;
import org.kervi.testing.KerviTestRuntime;

/** The module as the runtime runs it: a real Kervi core (kervi-testing), components added as their bundle would. */
@ExtendWith(KerviExtension.class)
class HeaterControllerTest {

    @BeforeEach
    void startTheApplication(KerviTestRuntime kervi) {
        kervi.add(new TemperatureSensor());
        kervi.add(new HeaterController());
        kervi.appMain();
    }

    @Test
    void theControllerFollowsTheSensor(KerviTestRuntime kervi) {
        assertEquals(21.0, kervi.number("${moduleId}_heater.temperature"), "the link delivered the first reading");
        kervi.set("${moduleId}_temperature.simulated", 18.5);
        kervi.advance(Duration.ofSeconds(1));
        assertEquals(18.5, kervi.number("${moduleId}_temperature"));
        assertEquals(18.5, kervi.number("${moduleId}_heater.temperature"));
    }

    @Test
    void activeHeatsBelowTheTarget(KerviTestRuntime kervi) {
        assertEquals(0.0, kervi.number("${moduleId}_heater.power"), "inactive: off");
        kervi.set("${moduleId}_temperature.simulated", 19);
        kervi.poll("${moduleId}_temperature");
        assertEquals(25.0, kervi.call("${moduleId}_heater.activate", true), "one degree below 20 °C");
        kervi.set("${moduleId}_heater.target", 25);
        assertEquals(100.0, kervi.number("${moduleId}_heater.power"), "capped at 100 %");
        kervi.set("${moduleId}_temperature.simulated", 26);
        kervi.poll("${moduleId}_temperature");
        assertEquals(0.0, kervi.number("${moduleId}_heater.power"), "above the target: off");
        assertEquals(0.0, kervi.call("${moduleId}_heater.activate", false));
    }

    @Test
    void aTargetOutOfRangeIsRefused(KerviTestRuntime kervi) {
        assertThrows(ValueRejectedException.class, () -> kervi.set("${moduleId}_heater.target", 80));
        assertEquals(20.0, kervi.number("${moduleId}_heater.target"));
    }
}
