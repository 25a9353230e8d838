package org.kervi.devices.motor.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.pi4j.mock.MockHardware;

/** A controller test on one I2C chip of Pi4J's mock platform: the chip, its expected writes and a started context. */
abstract class MockChipTest {
    @TempDir
    Path oneWire;

    protected MockHardware mock;
    protected I2cDevice chip;
    protected ChipWrites writes;
    protected TestContext context;

    /** The chip's I2C address on bus 1. */
    protected abstract int address();

    @BeforeEach
    void openChip() throws HardwareException {
        mock = MockHardware.create(oneWire);
        chip = mock.hardware().i2cDevice(1, address());
        writes = new ChipWrites(chip);
        context = new TestContext();
    }

    @AfterEach
    void close() {
        context.close();
        mock.close();
    }
}
