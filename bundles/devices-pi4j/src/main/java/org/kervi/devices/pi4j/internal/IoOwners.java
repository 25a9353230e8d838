package org.kervi.devices.pi4j.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which bundle last opened each pin or bus device, by address ({@code gpio 17}, {@code i2c 1 0x76}), for
 * {@code kervi:hardware}. Only what is still held is shown, so an entry outliving its pin does no harm.
 */
public final class IoOwners {
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    void opened(String address, String owner) {
        owners.put(address, owner);
    }

    Optional<String> ownerOf(String address) {
        return Optional.ofNullable(owners.get(address));
    }

    static String gpio(int pin) {
        return "gpio " + pin;
    }

    static String pwm(int channel) {
        return "pwm " + channel;
    }

    static String i2c(int bus, int address) {
        return String.format("i2c %d 0x%02x", bus, address);
    }

    static String spi(int bus, int chipSelect) {
        return "spi " + bus + "." + chipSelect;
    }
}
