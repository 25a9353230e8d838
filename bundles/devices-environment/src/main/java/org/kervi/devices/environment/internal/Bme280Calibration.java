package org.kervi.devices.environment.internal;

/** The trimming parameters burnt into each chip (BME280 datasheet, table 16). */
public record Bme280Calibration(
        int t1, int t2, int t3,
        int p1, int p2, int p3, int p4, int p5, int p6, int p7, int p8, int p9,
        int h1, int h2, int h3, int h4, int h5, int h6) {

    /** First block: 0x88..0xA1 (26 bytes); second block: 0xE1..0xE7 (7 bytes). */
    static final int FIRST_BLOCK = 0x88;
    static final int FIRST_BLOCK_LENGTH = 26;
    static final int SECOND_BLOCK = 0xE1;
    static final int SECOND_BLOCK_LENGTH = 7;

    static Bme280Calibration parse(byte[] first, byte[] second) {
        return new Bme280Calibration(
                unsigned16(first, 0), signed16(first, 2), signed16(first, 4),
                unsigned16(first, 6), signed16(first, 8), signed16(first, 10), signed16(first, 12),
                signed16(first, 14), signed16(first, 16), signed16(first, 18), signed16(first, 20),
                signed16(first, 22),
                first[25] & 0xFF,
                signed16(second, 0),
                second[2] & 0xFF,
                (second[3] << 4) | (second[4] & 0x0F),
                (second[5] << 4) | ((second[4] & 0xFF) >> 4),
                second[6]);
    }

    private static int unsigned16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    private static int signed16(byte[] bytes, int at) {
        return (short) unsigned16(bytes, at);
    }
}
