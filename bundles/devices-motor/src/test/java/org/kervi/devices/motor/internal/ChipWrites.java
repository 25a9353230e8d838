package org.kervi.devices.motor.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;

/**
 * Reads back what a driver wrote to Pi4J's mock I2C chip: each register is a FIFO, so the writes come out in the
 * order they were made, and an empty register fails the read.
 */
final class ChipWrites {
    static final byte[] FULL_OFF = {0, 0, 0, 0x10};
    static final byte[] FULL_ON = {0, 0x10, 0, 0};

    private final I2cDevice chip;

    ChipWrites(I2cDevice chip) {
        this.chip = chip;
    }

    /** The PCA9685 reads MODE1 once at set-up (to see that a chip answers): queue its power-on value. */
    void queuePowerOnMode1() throws HardwareException {
        chip.writeRegister(Pca9685Registers.MODE1, 0x11);
    }

    void assertRegister(int register, int... values) throws HardwareException {
        for (int value : values) {
            assertEquals(value, chip.readRegister(register), String.format("register 0x%02X", register));
        }
        assertNothingMoreAt(register);
    }

    /** Channel blocks (ON_L, ON_H, OFF_L, OFF_H) in the order written, and nothing more. */
    void assertChannel(int channel, byte[]... blocks) throws HardwareException {
        int register = Pca9685Registers.channelRegister(channel);
        for (byte[] block : blocks) {
            assertArrayEquals(block, chip.readRegisters(register, 4), "channel " + channel);
        }
        assertNothingMoreAt(register);
    }

    void assertNothingMoreAt(int register) {
        HardwareException empty = assertThrows(HardwareException.class, () -> chip.readRegister(register),
                String.format("nothing more written to register 0x%02X", register));
        assertEquals(HardwareException.Kind.BUS_ERROR, empty.kind());
    }

    /** The set-up sequence: all channels off, totem pole, sleep, prescale, wake, restart. */
    void assertSetUp(int prescale) throws HardwareException {
        assertArrayEquals(FULL_OFF, chip.readRegisters(Pca9685Registers.ALL_LED_ON_L, 4), "all channels off");
        assertRegister(Pca9685Registers.MODE2, 0x04);
        assertRegister(Pca9685Registers.MODE1, 0x31, 0x21, 0xA1);
        assertRegister(Pca9685Registers.PRE_SCALE, prescale);
    }

    /** Counts 1–4095 of a channel that goes high at count 0. */
    static byte[] offAt(int count) {
        return new byte[] {0, 0, (byte) count, (byte) (count >> 8)};
    }
}
