package org.kervi.example.greenhouse.simulation;

import java.time.Duration;
import java.util.List;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.components.SensorDriver;
import org.kervi.devices.pi4j.mock.MockPlatformControl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code sim_actuators.pump|fan|vent}: what the actuators module really drove, read back from the mock platform in
 * its instance (the relay pin, the PWM duty cycle, the servo pulse in the PCA9685's registers), for the simulation in
 * the sensors module's instance. Runs only on the mock platform and with its own configuration.
 */
@Component(service = KerviComponent.class, configurationPid = ReadbackConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ReadbackConfig.class)
public class ActuatorReadback extends Sensor {

    @Activate
    public ActuatorReadback(@Reference MockPlatformControl mock, ReadbackConfig config) {
        super("sim_actuators", "Actuators (mock readback)", new MockPins(mock, config));
        pollInterval(Duration.ofMillis(config.pollMillis()));
    }

    /** Reads the three actuators off the mock; the vent keeps its last angle until the servo is moved again. */
    static final class MockPins implements SensorDriver {
        private final MockPlatformControl mock;
        private final ReadbackConfig config;
        private double ventDegrees;

        MockPins(MockPlatformControl mock, ReadbackConfig config) {
            this.mock = mock;
            this.config = config;
        }

        @Override
        public List<String> dimensions() {
            return List.of("pump", "fan", "vent");
        }

        @Override
        public double read() throws Exception {
            return readDimensions()[0];
        }

        @Override
        public synchronized double[] readDimensions() {
            double pump = mock.output(config.pumpPin()).map(on -> on ? 1.0 : 0.0).orElse(0.0);
            double fan = mock.pwmDutyCycle(config.fanChannel()).orElse(0);
            // the PCA9685 driver reads MODE1 once when it sets the chip up: keep a power-on value queued for it
            int bus = config.i2cBus();
            int address = config.pca9685Address();
            mock.ensureRegisterRead(bus, address, ServoPulse.MODE1, ServoPulse.MODE1_AT_POWER_ON);
            mock.takeRegisterWrites(bus, address, ServoPulse.register(config.ventChannel()))
                    .ifPresent(written -> ventDegrees = ServoPulse.lastAngle(written));
            return new double[] {pump, fan, ventDegrees};
        }
    }
}
