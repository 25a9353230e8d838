package org.kervi.example.greenhouse.sensors;

import java.time.Duration;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.analog.Ads1115;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code soil_moisture} in %: a capacitive probe on an ADS1115 input, scaled between its dry (0 %) and wet (100 %)
 * voltage — a capacitive probe reads lower the wetter the soil.
 */
@Component(service = KerviComponent.class, configurationPid = SensorsConfig.PID)
public class SoilMoistureSensor extends Sensor {
    private final I2cDevice device;

    @Activate
    public SoilMoistureSensor(@Reference Hardware hardware, SensorsConfig config) throws HardwareException {
        this(hardware.i2cDevice(config.i2cBus(), config.ads1115Address()), config);
    }

    private SoilMoistureSensor(I2cDevice device, SensorsConfig config) {
        super("soil_moisture", "Soil moisture", Ads1115.on(device).channel(config.soilChannel())
                .percent(config.soilDryVolts(), config.soilWetVolts()));
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
}
