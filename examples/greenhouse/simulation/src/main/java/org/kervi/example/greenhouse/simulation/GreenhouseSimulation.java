package org.kervi.example.greenhouse.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kervi.api.components.Controller;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;
import org.kervi.devices.analog.Ads1115;
import org.kervi.devices.analog.FullScale;
import org.kervi.devices.environment.Ds18b20;
import org.kervi.devices.pi4j.mock.MockPlatformControl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world around the greenhouse's sensors, on the mock platform only (it needs {@link MockPlatformControl}, which
 * exists only there, and its own configuration). At each step it moves the {@link Greenhouse} by the elapsed time
 * times {@code speed}, with the pump, fan and vent as the actuators module's mock pins show them
 * ({@code sim_actuators}, read back there), and writes what the real chips would answer: the BME280's raw ADC
 * registers, the ADS1115's conversion register, the DS18B20's {@code w1_slave} file.
 */
@Component(service = KerviComponent.class, configurationPid = SimulationConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SimulationConfig.class)
public class GreenhouseSimulation extends Controller {
    /** Reads of one register that a step queues: every sensor polling between two steps finds an answer. */
    private static final int COPIES = 4;
    private static final Logger LOG = LoggerFactory.getLogger(GreenhouseSimulation.class);

    final NumberValue speed = inputs().number("speed", "Simulation speed").range(0, 1000).unit("×").decimals(0);
    final BooleanValue pumpRunning = inputs().bool("pump_running", "Pump running (mock pin)");
    final NumberValue fanDuty = inputs().number("fan_duty", "Fan duty (mock PWM)").range(0, 100).unit("%");
    final NumberValue ventAngle = inputs().number("vent_angle", "Vent (mock servo)").range(0, 180).unit("°");
    final NumberValue sun = outputs().number("sun", "Sun").range(0, 100).unit("%").decimals(0);
    private final MockPlatformControl mock;
    private final SimulationConfig config;
    private final Greenhouse greenhouse;
    private final Bme280Registers bme280 = new Bme280Registers();
    private final Path waterProbe;
    private final ScheduledExecutorService steps;
    private long lastStepNanos = System.nanoTime();
    private String lastProblem;

    @Activate
    public GreenhouseSimulation(@Reference MockPlatformControl mock, SimulationConfig config) {
        super("greenhouse_sim", "Simulation (mock platform)");
        this.mock = mock;
        this.config = config;
        this.greenhouse = new Greenhouse(config.startMoisture(), config.startTemperature());
        this.waterProbe = Path.of(config.oneWireDevices(), config.waterProbe(), "w1_slave");
        speed.set(config.speed());
        pumpRunning.linkTo("sim_actuators.pump", on -> on instanceof Number n && n.doubleValue() > 0.5);
        fanDuty.linkTo("sim_actuators.fan");
        ventAngle.linkTo("sim_actuators.vent");
        speed.linkToDashboard(DashboardLink.of("greenhouse", "simulation", WidgetType.SLIDER).withIcon("clock"));
        sun.linkToDashboard(DashboardLink.of("greenhouse", "simulation", WidgetType.GAUGE).withIcon("sun"));
        steps = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "greenhouse-simulation"));
        steps.scheduleWithFixedDelay(this::step, 0, config.stepMillis(), TimeUnit.MILLISECONDS);
        LOG.info("greenhouse simulation on the mock platform, speed {}", config.speed());
    }

    @Deactivate
    void deactivate() {
        steps.shutdownNow();
    }

    @Override
    protected void inputChanged(Value<?> input) {
        // read at the next step
    }

    private void step() {
        try {
            long now = System.nanoTime();
            // the world stands still until the application is ready: it starts from the configured state
            double dt = isStarted() ? (now - lastStepNanos) / 1e9 * speed.doubleValue() : 0;
            lastStepNanos = now;
            greenhouse.step(dt, pumpRunning.isOn(), fanDuty.doubleValue(), ventAngle.doubleValue());
            if (isStarted()) {
                sun.set((double) Math.round(greenhouse.sun() * 100));
            }
            writeChips();
            lastProblem = null;
        } catch (Exception | LinkageError e) {
            String problem = e.toString();
            if (!problem.equals(lastProblem)) {
                LOG.warn("greenhouse simulation step failed: {}", problem);
            }
            lastProblem = problem;
        }
    }

    private void writeChips() throws Exception {
        int bus = config.i2cBus();
        int air = config.bme280Address();
        mock.ensureRegisterRead(bus, air, Bme280Registers.CHIP_ID_REGISTER, Bme280Registers.CHIP_ID);
        mock.ensureRegisterRead(bus, air, Bme280Registers.CALIBRATION_1, Bme280Registers.calibration1());
        mock.ensureRegisterRead(bus, air, Bme280Registers.CALIBRATION_2, Bme280Registers.calibration2());
        mock.setRegisterReads(bus, air, Bme280Registers.DATA,
                bme280.data(greenhouse.airCelsius(), greenhouse.humidity(), greenhouse.hectopascal()), COPIES);
        mock.setRegisterReads(bus, config.ads1115Address(), Ads1115.CONVERSION_REGISTER,
                Ads1115.conversionBytes(soilVolts(), FullScale.V4_096), COPIES);
        writeWaterProbe(Ds18b20.w1SlaveText(greenhouse.waterCelsius()));
    }

    private double soilVolts() {
        double dry = config.soilDryVolts();
        return dry - greenhouse.moisture() / 100 * (dry - config.soilWetVolts());
    }

    /** Written aside and moved in place, so that a reader never sees half a file. */
    private void writeWaterProbe(String text) throws IOException {
        Files.createDirectories(waterProbe.getParent());
        Path next = waterProbe.resolveSibling("w1_slave.next");
        Files.writeString(next, text, StandardCharsets.US_ASCII);
        Files.move(next, waterProbe, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
