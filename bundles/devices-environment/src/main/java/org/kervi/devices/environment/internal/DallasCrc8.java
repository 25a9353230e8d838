package org.kervi.devices.environment.internal;

/** The Dallas/Maxim 1-Wire CRC-8 (polynomial x^8 + x^5 + x^4 + 1, 0x31, processed reflected as 0x8C, start 0). */
public final class DallasCrc8 {
    private DallasCrc8() {}

    public static int of(byte[] bytes, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8C : crc >>> 1;
            }
        }
        return crc;
    }
}
