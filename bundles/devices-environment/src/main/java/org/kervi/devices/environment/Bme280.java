package org.kervi.devices.environment;

import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.environment.internal.Bme280Chip;
import org.kervi.devices.environment.internal.Bme280Driver;

/**
 * A Bosch BME280 (temperature, pressure, humidity) on I2C. The chip is checked (chip id 0x60) and set up at the first
 * read, so a missing or wrong chip is an error of that read, and a later read tries again.
 */
public final class Bme280 {
    /** SDO to ground. */
    public static final int ADDRESS = 0x76;
    /** SDO to VDDIO. */
    public static final int ALTERNATE_ADDRESS = 0x77;

    private final Bme280Chip chip;

    private Bme280(Bme280Chip chip) {
        this.chip = chip;
    }

    public static Bme280 on(I2cDevice device) {
        return new Bme280(new Bme280Chip(device));
    }

    /** Degrees Celsius, resolution 0.01. */
    public SensorDriver temperature() {
        return new Bme280Driver(chip, reading -> reading.celsius(), "°C", -40, 85, "temperature");
    }

    /** Hectopascal. */
    public SensorDriver pressure() {
        return new Bme280Driver(chip, reading -> reading.hectopascal(), "hPa", 300, 1100, "pressure");
    }

    /** Relative humidity in percent. */
    public SensorDriver humidity() {
        return new Bme280Driver(chip, reading -> reading.percentHumidity(), "%", 0, 100, "humidity");
    }
}
