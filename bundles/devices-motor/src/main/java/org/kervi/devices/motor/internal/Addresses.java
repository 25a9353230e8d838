package org.kervi.devices.motor.internal;

/** I2C addresses as operators write them: {@code 0x40} or {@code 64}. */
final class Addresses {
    private Addresses() {}

    static int parse(String text, String what) {
        try {
            int address = Integer.decode(text.trim());
            if (address < 0x03 || address > 0x77) {
                throw new IllegalArgumentException(what + " " + text + " is outside the 7-bit range 0x03–0x77");
            }
            return address;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a number (write 0x40 or 64)", e);
        }
    }
}
