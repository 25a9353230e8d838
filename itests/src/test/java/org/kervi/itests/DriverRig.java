package org.kervi.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.kervi.api.components.Sensor;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.analog.Ads1115;
import org.kervi.devices.analog.FullScale;
import org.kervi.devices.environment.Bme280;
import org.kervi.devices.environment.Ds18b20;

/**
 * Sensors on the mock platform, set up as a simulation would: a {@code w1_slave} file, a queued ADS1115 conversion,
 * and a BMP280's chip id where a BME280 is expected. A class of its own, so that the test class loads before the
 * driver features are installed.
 */
final class DriverRig {
    private static final Duration SLOW = Duration.ofSeconds(30);

    private DriverRig() {}

    static List<Sensor> sensors(Hardware hardware, Path oneWire) throws HardwareException, IOException {
        Path water = oneWire.resolve("28-000000000001");
        Files.createDirectories(water);
        Files.writeString(water.resolve("w1_slave"), Ds18b20.w1SlaveText(21.5));

        I2cDevice adc = hardware.i2cDevice(1, Ads1115.ADDRESS);
        adc.writeRegisters(Ads1115.CONVERSION_REGISTER, Ads1115.conversionBytes(2.0, FullScale.V4_096));

        I2cDevice bmp280 = hardware.i2cDevice(1, Bme280.ADDRESS);
        bmp280.writeRegister(0xD0, 0x58);

        // one poll each within the test: a slow interval, so no second read finds the mock queues empty
        return List.of(
                new Sensor("water_temperature", "Water", Ds18b20.on(hardware.oneWireDevice("28-000000000001")))
                        .pollInterval(SLOW),
                new Sensor("soil_moisture", "Soil", Ads1115.on(adc).channel(0).percent(2.8, 1.2)).pollInterval(SLOW),
                new Sensor("air_temperature", "Air", Bme280.on(bmp280).temperature()).pollInterval(SLOW));
    }
}
