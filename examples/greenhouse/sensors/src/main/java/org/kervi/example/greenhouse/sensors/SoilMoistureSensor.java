package org.kervi.example.greenhouse.sensors;

import java.time.Duration;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.components.SensorDriver;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code soil_moisture} in %: a capacitive probe on an ADS1115 input, scaled between its dry and wet voltage (a
 * capacitive probe reads lower the wetter the soil).
 */
@Component(service = KerviComponent.class, configurationPid = SensorsConfig.PID)
public class SoilMoistureSensor extends Sensor {
    private final I2cDevice device;

    @Activate
    public SoilMoistureSensor(@Reference Hardware hardware, SensorsConfig config) throws HardwareException {
        this(hardware.i2cDevice(config.i2cBus(), config.ads1115Address()), config);
    }

    private SoilMoistureSensor(I2cDevice device, SensorsConfig config) {
        super("soil_moisture", "Soil moisture", new SoilMoisture(new Ads1115Input(device, config.soilChannel()),
                config.soilDryVolts(), config.soilWetVolts()));
        this.device = device;
        pollInterval(Duration.ofMillis(config.pollMillis()));
        value().decimals(0);
        linkToDashboard(DashboardLink.header(WidgetType.VALUE).withIcon("droplet"));
        linkToDashboard(DashboardLink.of("greenhouse", "soil", WidgetType.GAUGE).withIcon("droplet"));
        linkToDashboard(DashboardLink.of("charts", "soil", WidgetType.CHART).withIcon("droplet"));
    }

    @Deactivate
    void deactivate() {
        device.close();
    }

    /** Volts to percent between the probe's dry (0 %) and wet (100 %) voltage, clamped. */
    static final class SoilMoisture implements SensorDriver {
        private final Ads1115Input input;
        private final double dryVolts;
        private final double wetVolts;

        SoilMoisture(Ads1115Input input, double dryVolts, double wetVolts) {
            if (dryVolts == wetVolts) {
                throw new IllegalArgumentException("soil probe: dry and wet voltage are both " + dryVolts + " V");
            }
            this.input = input;
            this.dryVolts = dryVolts;
            this.wetVolts = wetVolts;
        }

        @Override
        public double read() throws Exception {
            return percent(input.volts(), dryVolts, wetVolts);
        }

        static double percent(double volts, double dryVolts, double wetVolts) {
            double share = (dryVolts - volts) / (dryVolts - wetVolts);
            return Math.max(0, Math.min(100, share * 100));
        }

        @Override
        public String unit() {
            return "%";
        }

        @Override
        public double min() {
            return 0;
        }

        @Override
        public double max() {
            return 100;
        }

        @Override
        public String type() {
            return "moisture";
        }
    }
}
