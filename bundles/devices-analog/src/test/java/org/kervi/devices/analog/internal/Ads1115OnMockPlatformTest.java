package org.kervi.devices.analog.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.analog.Ads1115;
import org.kervi.devices.analog.Ads1115Channel;
import org.kervi.devices.analog.DataRate;
import org.kervi.devices.analog.FullScale;
import org.kervi.devices.pi4j.mock.MockHardware;

/**
 * The driver against Pi4J's mock I2C, where each register is a FIFO. Status words queued on the config register
 * before a read come out first; the config word the driver writes is left behind, and the test reads it back.
 */
class Ads1115OnMockPlatformTest {
    private static final byte[] CONVERTING = {0x43, (byte) 0x83};
    private static final byte[] DONE = {(byte) 0xC3, (byte) 0x83};

    @TempDir
    Path oneWire;

    private MockHardware mock;
    private I2cDevice chip;
    private byte[] lastConfig;

    @BeforeEach
    void openChip() throws HardwareException {
        mock = MockHardware.create(oneWire);
        chip = mock.hardware().i2cDevice(1, Ads1115.ADDRESS);
    }

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void startsASingleShotConversionWaitsForItAndReadsTheDatasheetsFullScale() throws Exception {
        Ads1115Channel channel0 = Ads1115.on(chip).channel(0);
        queueStatus(CONVERTING, DONE);
        queueConversion(0x7F, 0xFF);

        assertEquals(4.096 * 32767 / 32768, channel0.read(), 1e-12, "0x7FFF: +FS (2^15 − 1)/2^15");
        assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0x83}, writtenConfig(),
                "OS start, AIN0/GND, ±4.096 V, single-shot, 128 SPS, comparator off");
    }

    @Test
    void readsTheDatasheetsOtherCodes() throws Exception {
        Ads1115Channel channel0 = Ads1115.on(chip).channel(0);
        assertEquals(-4.096, convert(channel0, 0x80, 0x00), 1e-12, "0x8000: −FS");
        assertEquals(0.000125, convert(channel0, 0x00, 0x01), 1e-12, "one LSB at ±4.096 V is 125 µV");
        assertEquals(-0.000125, convert(channel0, 0xFF, 0xFF), 1e-12);
        assertEquals(0.0000625, convert(channel0.fullScale(FullScale.V2_048), 0x00, 0x01), 1e-12,
                "one LSB at ±2.048 V is 62.5 µV");
    }

    @Test
    void writesTheChannelRangeAndRateIntoTheConfigWord() throws Exception {
        Ads1115Channel channel3 = Ads1115.on(chip).channel(3).fullScale(FullScale.V6_144).dataRate(DataRate.SPS_860);
        assertEquals(3.0, convert(channel3, Ads1115.conversionBytes(3.0, FullScale.V6_144)), 6.144 / 32768);
        assertArrayEquals(new byte[] {(byte) 0xF1, (byte) 0xE3}, lastConfig,
                "OS start, AIN3/GND, ±6.144 V, single-shot, 860 SPS, comparator off");

        convert(Ads1115.on(chip).channel(1).fullScale(FullScale.V0_256).dataRate(DataRate.SPS_8), 0, 0);
        assertArrayEquals(new byte[] {(byte) 0xDB, (byte) 0x03}, lastConfig, "AIN1/GND, ±0.256 V, 8 SPS");
    }

    @Test
    void aSecondReadWithNothingQueuedFails() throws Exception {
        Ads1115Channel channel0 = Ads1115.on(chip).channel(0);
        convert(channel0, 0x12, 0x34);
        HardwareException e = assertThrows(HardwareException.class, channel0::read);
        assertEquals(HardwareException.Kind.BUS_ERROR, e.kind());
    }

    @Test
    void aConversionThatNeverFinishesIsABusError() throws Exception {
        for (int i = 0; i < 1000; i++) {
            queueStatus(CONVERTING);
        }
        HardwareException e = assertThrows(HardwareException.class,
                Ads1115.on(chip).channel(2).dataRate(DataRate.SPS_860)::read);
        assertEquals(HardwareException.Kind.BUS_ERROR, e.kind());
        assertEquals("ADS1115 at 0x48 on bus 1: conversion not done after 4 ms (is it an ADS1115?)", e.getMessage());
    }

    @Test
    void scalesASoilMoistureProbeBetweenDryAndWet() throws Exception {
        SensorDriver moisture = Ads1115.on(chip).channel(0).percent(2.8, 1.2);
        assertEquals("%", moisture.unit());
        assertEquals(50, convert(moisture, Ads1115.conversionBytes(2.0, FullScale.V4_096)), 0.01);
        assertEquals(0, convert(moisture, Ads1115.conversionBytes(3.1, FullScale.V4_096)), 0.0, "drier than dry");
        assertEquals(100, convert(moisture, Ads1115.conversionBytes(1.0, FullScale.V4_096)), 0.0, "wetter than wet");
        assertThrows(IllegalArgumentException.class, () -> Ads1115.on(chip).channel(0).percent(1.5, 1.5));
    }

    @Test
    void readsSeveralInputsAsOneMultiDimensionSensor() throws Exception {
        SensorDriver inputs = Ads1115.on(chip).channels(0, 3);
        assertEquals(List.of("ain0", "ain3"), inputs.dimensions());
        queueStatus(DONE, DONE);
        chip.writeRegisters(Ads1115.CONVERSION_REGISTER, Ads1115.conversionBytes(1.5, FullScale.V4_096));
        chip.writeRegisters(Ads1115.CONVERSION_REGISTER, Ads1115.conversionBytes(3.3, FullScale.V4_096));

        double[] volts = inputs.readDimensions();
        assertEquals(1.5, volts[0], 0.000125);
        assertEquals(3.3, volts[1], 0.000125);
        assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0x83}, writtenConfig(), "AIN0 first");
        assertArrayEquals(new byte[] {(byte) 0xF3, (byte) 0x83}, writtenConfig(), "then AIN3");
    }

    @Test
    void refusesAChannelTheChipDoesNotHave() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ads1115.on(chip).channel(4));
        assertEquals("ADS1115 channel 4: the chip has channels 0 to 3", e.getMessage());
    }

    private double convert(SensorDriver driver, int high, int low) throws Exception {
        return convert(driver, new byte[] {(byte) high, (byte) low});
    }

    /** One conversion that is done at once; the config word the driver wrote is kept in {@link #lastConfig}. */
    private double convert(SensorDriver driver, byte[] conversion) throws Exception {
        queueStatus(DONE);
        chip.writeRegisters(Ads1115.CONVERSION_REGISTER, conversion);
        double read = driver.read();
        lastConfig = writtenConfig();
        return read;
    }

    private void queueStatus(byte[]... words) throws HardwareException {
        for (byte[] word : words) {
            chip.writeRegisters(Ads1115.CONFIG_REGISTER, word);
        }
    }

    private void queueConversion(int high, int low) throws HardwareException {
        chip.writeRegisters(Ads1115.CONVERSION_REGISTER, new byte[] {(byte) high, (byte) low});
    }

    /** What the driver wrote to the config register, once the status words queued before it were read. */
    private byte[] writtenConfig() throws HardwareException {
        return chip.readRegisters(Ads1115.CONFIG_REGISTER, 2);
    }
}
