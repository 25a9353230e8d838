package org.kervi.devices.environment.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kervi.api.hardware.HardwareException;

/**
 * The kernel's {@code w1_slave} text of a DS18x20: the 9 scratchpad bytes twice, first with the kernel's CRC verdict
 * ({@code : crc=57 YES}), then with the temperature in millidegrees ({@code t=23125}).
 */
public final class W1SlaveText {
    private static final Pattern CHECK_LINE =
            Pattern.compile("((?:[0-9a-fA-F]{2} ){9}): crc=([0-9a-fA-F]{2}) (YES|NO)");
    private static final Pattern TEMPERATURE_LINE = Pattern.compile("(?:[0-9a-fA-F]{2} ){9}t=(-?\\d+)");

    private W1SlaveText() {}

    /** The scratchpad bytes, once the text has both lines and the kernel said YES. */
    public static byte[] parse(String deviceId, String text) throws HardwareException {
        String[] lines = text.strip().split("\\R");
        Matcher check = lines.length == 2 ? CHECK_LINE.matcher(lines[0].strip()) : null;
        if (check == null || !check.matches() || !TEMPERATURE_LINE.matcher(lines[1].strip()).matches()) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR,
                    "1-Wire device " + deviceId + ": w1_slave is not two DS18x20 lines: '" + text.strip() + "'");
        }
        if (check.group(3).equals("NO")) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR,
                    "1-Wire device " + deviceId + ": the kernel's CRC check failed (crc=" + check.group(2) + " NO)");
        }
        String[] hex = check.group(1).strip().split(" ");
        byte[] bytes = new byte[hex.length];
        for (int i = 0; i < hex.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex[i], 16);
        }
        return bytes;
    }

    /** The text for a scratchpad, as the kernel writes it (a DS18B20's t= from its 12-bit reading). */
    public static String format(byte[] scratchpad) {
        StringBuilder hex = new StringBuilder();
        for (byte b : scratchpad) {
            hex.append(String.format("%02x ", b & 0xFF));
        }
        int crc = DallasCrc8.of(scratchpad, 8);
        boolean good = crc == (scratchpad[8] & 0xFF);
        int millis = (short) ((scratchpad[1] & 0xFF) << 8 | (scratchpad[0] & 0xFF)) * 1000 / 16;
        return hex + String.format(": crc=%02x %s\n", scratchpad[8] & 0xFF, good ? "YES" : "NO") + hex + "t="
                + millis + "\n";
    }
}
