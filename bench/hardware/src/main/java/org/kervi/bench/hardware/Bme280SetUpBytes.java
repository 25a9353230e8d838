package org.kervi.bench.hardware;

import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;

/** What a BME280 answers to the driver's set-up: chip id 0x60, then both calibration blocks (datasheet example). */
final class Bme280SetUpBytes {
    static final int CHIP_ID_REGISTER = 0xD0;
    static final int FIRST_BLOCK = 0x88;
    static final int SECOND_BLOCK = 0xE1;

    private Bme280SetUpBytes() {
    }

    static void queue(I2cDevice chip) throws HardwareException {
        chip.writeRegister(CHIP_ID_REGISTER, 0x60);
        chip.writeRegisters(FIRST_BLOCK, firstBlock());
        chip.writeRegisters(SECOND_BLOCK, new byte[] {0x6A, 0x01, 0x00, 0x13, 0x2D, 0x03, 0x1E});
    }

    /** 0x88..0x9F: dig_T1..dig_P9 as little-endian words; 0xA0 unused; 0xA1: dig_H1. */
    private static byte[] firstBlock() {
        int[] words = {27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000};
        byte[] bytes = new byte[26];
        for (int i = 0; i < words.length; i++) {
            bytes[2 * i] = (byte) words[i];
            bytes[2 * i + 1] = (byte) (words[i] >> 8);
        }
        bytes[25] = 75;
        return bytes;
    }
}
