package org.kervi.devices.environment.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.environment.Bh1750;
import org.kervi.devices.pi4j.mock.MockHardware;

/**
 * The BH1750 speaks without registers: Pi4J's mock keeps one FIFO for raw writes and reads, so the bytes queued here
 * come out first and the driver's opcodes are left behind for the test to check.
 */
class Bh1750OnMockPlatformTest {
    @TempDir
    Path oneWire;

    private MockHardware mock;
    private I2cDevice chip;

    @BeforeEach
    void openChip() throws HardwareException {
        mock = MockHardware.create(oneWire);
        chip = mock.hardware().i2cDevice(1, Bh1750.ADDRESS);
    }

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void readsTheDatasheetExampleAfterPowerOnAndContinuousHighResolutionMode() throws Exception {
        chip.write((byte) 0b1000_0011, (byte) 0b1001_0000);
        Bh1750 sensor = Bh1750.on(chip);

        assertEquals(28066.67, sensor.read(), 0.01, "datasheet: 0x8390 / 1.2 ≈ 28067 lx");
        assertArrayEquals(new byte[] {Bh1750Chip.POWER_ON, Bh1750Chip.CONTINUOUS_HIGH_RESOLUTION}, chip.read(2),
                "power on, then continuous high-resolution mode");
    }

    @Test
    void setsUpOnceThenReadsTwoBytesPerReading() throws Exception {
        chip.write(Bh1750.measurementBytes(500));
        Bh1750 sensor = Bh1750.on(chip);
        assertEquals(500, sensor.read(), 0.5);
        chip.read(2);

        chip.write(Bh1750.measurementBytes(0.84));
        assertEquals(0.8333, sensor.read(), 1e-4, "1 count");

        HardwareException nothingQueued = assertThrows(HardwareException.class, sensor::read);
        assertEquals(HardwareException.Kind.BUS_ERROR, nothingQueued.kind());
    }

    @Test
    void setsUpAgainAfterAFailedRead() throws Exception {
        chip.write(Bh1750.measurementBytes(300));
        Bh1750 sensor = Bh1750.on(chip);
        assertEquals(300, sensor.read(), 0.5);
        chip.read(2);
        assertThrows(HardwareException.class, sensor::read, "nothing queued: the chip did not answer");

        chip.write(Bh1750.measurementBytes(120));
        assertEquals(120, sensor.read(), 0.5);
        assertArrayEquals(new byte[] {Bh1750Chip.POWER_ON, Bh1750Chip.CONTINUOUS_HIGH_RESOLUTION}, chip.read(2),
                "the chip may have lost power: set up again");
    }
}
