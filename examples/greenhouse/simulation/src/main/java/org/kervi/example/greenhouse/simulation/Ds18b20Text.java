package org.kervi.example.greenhouse.simulation;

/**
 * What the kernel's w1 driver shows in a DS18B20's {@code w1_slave}: the 9-byte scratchpad with its CRC and the
 * verdict, then the scratchpad again with the temperature in thousandths of a degree.
 */
final class Ds18b20Text {
    private Ds18b20Text() {}

    static String of(double celsius) {
        int raw = (int) Math.round(celsius * 16);
        byte[] scratchpad = {(byte) raw, (byte) (raw >> 8), 0x4b, 0x46, 0x7f, (byte) 0xff, 0x0c, 0x10, 0};
        scratchpad[8] = (byte) crc8(scratchpad, 8);
        StringBuilder bytes = new StringBuilder();
        for (byte b : scratchpad) {
            bytes.append(String.format("%02x ", b & 0xFF));
        }
        String hex = bytes.toString();
        return hex + ": crc=" + String.format("%02x", scratchpad[8] & 0xFF) + " YES\n"
                + hex + "t=" + raw * 1000 / 16 + "\n";
    }

    /** Dallas/Maxim CRC-8 (polynomial x^8 + x^5 + x^4 + 1, reflected). */
    static int crc8(byte[] bytes, int length) {
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
