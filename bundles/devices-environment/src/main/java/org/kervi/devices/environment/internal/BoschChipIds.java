package org.kervi.devices.environment.internal;

/** What a Bosch pressure sensor's chip id register (0xD0) says the chip is. */
final class BoschChipIds {
    private BoschChipIds() {}

    static String name(int chipId) {
        return switch (chipId) {
            case 0x55 -> "a BMP180";
            case 0x56, 0x57, 0x58 -> "a BMP280";
            case 0x60 -> "a BME280";
            case 0x61 -> "a BME680";
            case 0x00, 0xFF -> "no answer (a line stuck low or high?)";
            default -> "an unknown chip";
        };
    }
}
