package org.kervi.devices.environment.internal;

import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;

/** Talks to one BME280: checks and sets it up at the first read (again after a failure), then burst-reads it. */
public final class Bme280Chip {
    static final int CHIP_ID_REGISTER = 0xD0;
    static final int CHIP_ID = 0x60;
    static final int CTRL_HUM = 0xF2;
    static final int CTRL_MEAS = 0xF4;
    static final int DATA = 0xF7;
    static final int DATA_LENGTH = 8;
    /** Humidity oversampling x1. */
    static final int HUMIDITY_X1 = 0b001;
    /** Temperature and pressure oversampling x1, normal mode (measures continuously). */
    static final int TEMPERATURE_PRESSURE_X1_NORMAL = 0b001_001_11;

    private final I2cDevice device;
    private Bme280Calibration calibration;

    public Bme280Chip(I2cDevice device) {
        this.device = device;
    }

    public synchronized Bme280Reading read() throws HardwareException {
        if (calibration == null) {
            calibration = setUp();
        }
        byte[] data = device.readRegisters(DATA, DATA_LENGTH);
        int adcP = twentyBits(data, 0);
        int adcT = twentyBits(data, 3);
        int adcH = (data[6] & 0xFF) << 8 | (data[7] & 0xFF);
        int fine = Bme280Compensation.fineTemperature(adcT, calibration);
        return new Bme280Reading(
                Bme280Compensation.centiCelsius(fine) / 100.0,
                Bme280Compensation.pascalQ24_8(adcP, fine, calibration) / 256.0 / 100.0,
                Bme280Compensation.humidityQ22_10(adcH, fine, calibration) / 1024.0);
    }

    private Bme280Calibration setUp() throws HardwareException {
        int id = device.readRegister(CHIP_ID_REGISTER);
        if (id != CHIP_ID) {
            throw new HardwareException(HardwareException.Kind.WRONG_CHIP, String.format(
                    "chip id 0x%02X at 0x%02X on bus %d is %s, expected BME280 (0x%02X)", id, device.address(),
                    device.bus(), BoschChipIds.name(id), CHIP_ID));
        }
        Bme280Calibration parsed = Bme280Calibration.parse(
                device.readRegisters(Bme280Calibration.FIRST_BLOCK, Bme280Calibration.FIRST_BLOCK_LENGTH),
                device.readRegisters(Bme280Calibration.SECOND_BLOCK, Bme280Calibration.SECOND_BLOCK_LENGTH));
        // ctrl_hum takes effect only with the following write of ctrl_meas
        device.writeRegister(CTRL_HUM, HUMIDITY_X1);
        device.writeRegister(CTRL_MEAS, TEMPERATURE_PRESSURE_X1_NORMAL);
        return parsed;
    }

    private static int twentyBits(byte[] data, int at) {
        return (data[at] & 0xFF) << 12 | (data[at + 1] & 0xFF) << 4 | (data[at + 2] & 0xFF) >> 4;
    }
}
