package org.kervi.devices.environment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.environment.Bme280;
import org.kervi.devices.pi4j.mock.MockHardware;

/** The driver against Pi4J's mock I2C, where each register is a FIFO: every byte the driver reads is queued here. */
class Bme280OnMockPlatformTest {
    @TempDir
    Path oneWire;

    private MockHardware mock;
    private I2cDevice chip;

    @BeforeEach
    void openChip() throws HardwareException {
        mock = MockHardware.create(oneWire);
        chip = mock.hardware().i2cDevice(1, Bme280.ADDRESS);
    }

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void readsTheDatasheetTemperatureAndPressure() throws Exception {
        queueSetUp(0x60);
        queueMeasurement();
        assertEquals(25.08, Bme280.on(chip).temperature().read(), 1e-9);
    }

    @Test
    void setsUpOnceAndReadsOneBurstPerReading() throws Exception {
        queueSetUp(0x60);
        queueMeasurement();
        queueMeasurement();
        Bme280 bme280 = Bme280.on(chip);
        SensorDriver temperature = bme280.temperature();
        SensorDriver pressure = bme280.pressure();

        assertEquals(25.08, temperature.read(), 1e-9);
        assertEquals(1006.5327, pressure.read(), Bme280CompensationTest.PASCAL_TOLERANCE / 100);

        HardwareException unexpected = assertThrows(HardwareException.class, temperature::read);
        assertEquals(HardwareException.Kind.BUS_ERROR, unexpected.kind(), "nothing more was queued");
    }

    @Test
    void aWrongChipIsAClearErrorAndTheNextReadTriesAgain() throws Exception {
        SensorDriver temperature = Bme280.on(chip).temperature();
        chip.writeRegister(Bme280Chip.CHIP_ID_REGISTER, 0x58);

        HardwareException wrong = assertThrows(HardwareException.class, temperature::read);
        assertEquals(HardwareException.Kind.WRONG_CHIP, wrong.kind());
        assertEquals("chip id 0x58 at 0x76 on bus 1 is a BMP280, expected BME280 (0x60)", wrong.getMessage());

        queueSetUp(0x60);
        queueMeasurement();
        assertEquals(25.08, temperature.read(), 1e-9);
    }

    /** Chip id, then both calibration blocks, holding the BMP280 datasheet's example trimming. */
    private void queueSetUp(int chipId) throws HardwareException {
        chip.writeRegister(Bme280Chip.CHIP_ID_REGISTER, chipId);
        chip.writeRegisters(Bme280Calibration.FIRST_BLOCK, firstCalibrationBlock());
        chip.writeRegisters(Bme280Calibration.SECOND_BLOCK, new byte[] {0x6A, 0x01, 0x00, 0x13, 0x2D, 0x03, 0x1E});
    }

    /** adc_P = 415148, adc_T = 519888 (the datasheet's), adc_H = 0x8000. */
    private void queueMeasurement() throws HardwareException {
        chip.writeRegisters(Bme280Chip.DATA, new byte[] {
            (byte) 0x65, (byte) 0x5A, (byte) 0xC0, (byte) 0x7E, (byte) 0xED, (byte) 0x00, (byte) 0x80, (byte) 0x00});
    }

    /** 0x88..0x9F: dig_T1..dig_P9 as little-endian words; 0xA0 unused; 0xA1: dig_H1. */
    private static byte[] firstCalibrationBlock() {
        int[] words = {27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000};
        byte[] bytes = new byte[Bme280Calibration.FIRST_BLOCK_LENGTH];
        for (int i = 0; i < words.length; i++) {
            bytes[2 * i] = (byte) words[i];
            bytes[2 * i + 1] = (byte) (words[i] >> 8);
        }
        bytes[25] = 75;
        return bytes;
    }
}
