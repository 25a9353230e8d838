package org.kervi.devices.motor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.motor.Pca9685;
import org.kervi.devices.pi4j.mock.MockHardware;

class Pca9685OnMockPlatformTest {
    @TempDir
    Path oneWire;

    private MockHardware mock;
    private I2cDevice chip;
    private ChipWrites writes;

    @BeforeEach
    void openChip() throws HardwareException {
        mock = MockHardware.create(oneWire);
        chip = mock.hardware().i2cDevice(1, Pca9685.ADDRESS);
        writes = new ChipWrites(chip);
    }

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void prescaleFollowsTheDatasheetFormula() {
        assertEquals(121, Pca9685Chip.prescale(50), "the datasheet's example");
        assertEquals(30, Pca9685Chip.prescale(200));
        assertEquals(101, Pca9685Chip.prescale(60));
        assertEquals(3, Pca9685Chip.prescale(1600), "the Motor HAT's 1600 Hz is the chip's fastest");
        assertEquals(253, Pca9685Chip.prescale(24));
        IllegalArgumentException tooSlow = assertThrows(IllegalArgumentException.class, () -> Pca9685.on(chip, 20));
        assertTrue(tooSlow.getMessage().contains("20 Hz"), tooSlow.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pca9685.on(chip, 2000));
    }

    @Test
    void theFirstCommandSetsTheChipUpThenWritesTheChannel() throws Exception {
        writes.queuePowerOnMode1();
        Pca9685.on(chip, 50).setDutyCycle(0, 50);

        writes.assertSetUp(121);
        writes.assertChannel(0, ChipWrites.offAt(2048));
    }

    @Test
    void setFrequencySleepsWritesThePrescaleAndRestarts() throws Exception {
        writes.queuePowerOnMode1();
        Pca9685 pwm = Pca9685.on(chip, 50);
        pwm.setDutyCycle(3, 0);
        writes.assertSetUp(121);
        writes.assertChannel(3, ChipWrites.FULL_OFF);

        pwm.setFrequency(200);

        writes.assertRegister(Pca9685Registers.MODE1, 0x31, 0x21, 0xA1);
        writes.assertRegister(Pca9685Registers.PRE_SCALE, 30);
        assertEquals(200, pwm.frequency());
        writes.assertNothingMoreAt(Pca9685Registers.ALL_LED_ON_L);
    }

    @Test
    void dutyCyclesUseTheFullOnAndFullOffBits() throws Exception {
        writes.queuePowerOnMode1();
        Pca9685 pwm = Pca9685.on(chip, 200);
        pwm.setDutyCycle(15, 100);
        pwm.setDutyCycle(15, 0);
        pwm.setDutyCycle(15, 25);
        pwm.setPulse(15, 100, 4095);
        pwm.set(15, true);

        writes.assertSetUp(30);
        assertEquals(0x42, Pca9685Registers.channelRegister(15), "LED15_ON_L");
        writes.assertChannel(15, ChipWrites.FULL_ON, ChipWrites.FULL_OFF, ChipWrites.offAt(1024),
                new byte[] {100, 0, (byte) 0xFF, 0x0F}, ChipWrites.FULL_ON);
    }

    @Test
    void aPulseWidthIsAShareOfThePeriod() throws Exception {
        writes.queuePowerOnMode1();
        Pca9685.on(chip, 50).setPulseWidth(7, 1500);

        writes.assertSetUp(121);
        writes.assertChannel(7, ChipWrites.offAt(307));
    }

    @Test
    void badArgumentsAreClearErrors() {
        Pca9685 pwm = Pca9685.on(chip, 50);
        IllegalArgumentException channel = assertThrows(IllegalArgumentException.class,
                () -> pwm.setDutyCycle(16, 10));
        assertTrue(channel.getMessage().contains("channel 16"), channel.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pwm.setDutyCycle(0, 101));
        assertThrows(IllegalArgumentException.class, () -> pwm.setPulse(0, 0, 4096));
        assertThrows(IllegalArgumentException.class, () -> pwm.setPulseWidth(0, 25_000));
    }

    @Test
    void aMissingChipIsABusErrorAndTheNextCommandSetsItUp() throws Exception {
        Pca9685 pwm = Pca9685.on(chip, 50);

        HardwareException missing = assertThrows(HardwareException.class, () -> pwm.setDutyCycle(0, 50));
        assertEquals(HardwareException.Kind.BUS_ERROR, missing.kind());
        assertTrue(missing.getMessage().startsWith("PCA9685: i2c bus 1 address 0x40"), missing.getMessage());
        writes.assertNothingMoreAt(Pca9685Registers.MODE2);

        writes.queuePowerOnMode1();
        pwm.setDutyCycle(0, 50);
        writes.assertSetUp(121);
        writes.assertChannel(0, ChipWrites.offAt(2048));
    }
}
