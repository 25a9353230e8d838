package org.kervi.devices.environment.internal;

import org.kervi.api.hardware.HardwareException;

/** The 9 bytes a DS18B20 answers: temperature LSB, MSB, TH, TL, configuration, three reserved bytes, CRC. */
public final class Ds18b20Scratchpad {
    static final int LENGTH = 9;
    /** The temperature register after power-on, before the first conversion: +85 °C. */
    static final int POWER_ON_RESET = 0x0550;

    private final byte[] bytes;

    private Ds18b20Scratchpad(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Ds18b20Scratchpad parse(byte[] bytes) throws HardwareException {
        if (bytes.length != LENGTH) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR,
                    "DS18B20: scratchpad of " + bytes.length + " bytes, expected " + LENGTH);
        }
        if (allAre(bytes, 0x00) || allAre(bytes, 0xFF)) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR, String.format(
                    "DS18B20: scratchpad all 0x%02X: the data line is stuck (wiring, pull-up resistor?)",
                    bytes[0] & 0xFF));
        }
        int crc = DallasCrc8.of(bytes, 8);
        if (crc != (bytes[8] & 0xFF)) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR, String.format(
                    "DS18B20: CRC mismatch, scratchpad says 0x%02X, its bytes give 0x%02X", bytes[8] & 0xFF, crc));
        }
        Ds18b20Scratchpad scratchpad = new Ds18b20Scratchpad(bytes.clone());
        if (scratchpad.raw() == POWER_ON_RESET) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR,
                    "DS18B20: 85.000 °C is the power-on value: the chip lost power or did not convert"
                            + " (parasite power without a strong pull-up?)");
        }
        return scratchpad;
    }

    /** A scratchpad reading {@code celsius} at 12 bits, with its CRC. */
    public static Ds18b20Scratchpad of(double celsius) {
        int raw = (int) Math.round(celsius * 16);
        byte[] bytes = {(byte) raw, (byte) (raw >> 8), 0x4B, 0x46, 0x7F, (byte) 0xFF, 0x0C, 0x10, 0};
        bytes[8] = (byte) DallasCrc8.of(bytes, 8);
        return new Ds18b20Scratchpad(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Degrees Celsius: the signed 16-bit temperature register in 1/16 °C. */
    public double celsius() {
        return raw() / 16.0;
    }

    private int raw() {
        return (short) ((bytes[1] & 0xFF) << 8 | (bytes[0] & 0xFF));
    }

    private static boolean allAre(byte[] bytes, int value) {
        for (byte b : bytes) {
            if ((b & 0xFF) != value) {
                return false;
            }
        }
        return true;
    }
}
