package org.kervi.example.greenhouse.sensors;

import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.environment.Bme280;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The BME280 that the air temperature and air humidity sensors share: one I2C device, opened once. */
@Component(service = AirChip.class, configurationPid = SensorsConfig.PID)
public class AirChip {
    private final I2cDevice device;
    private final Bme280 bme280;

    @Activate
    public AirChip(@Reference Hardware hardware, SensorsConfig config) throws HardwareException {
        this.device = hardware.i2cDevice(config.i2cBus(), config.bme280Address());
        this.bme280 = Bme280.on(device);
    }

    Bme280 bme280() {
        return bme280;
    }

    @Deactivate
    void deactivate() {
        device.close();
    }
}
