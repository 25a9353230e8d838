package org.kervi.devices.pi4j.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.OneWireDevice;

/** A 1-Wire device read through the kernel's w1 driver (no Pi4J involved). */
final class SysfsOneWireDevice implements OneWireDevice {
    private final String deviceId;
    private final Path file;

    private SysfsOneWireDevice(String deviceId, Path file) {
        this.deviceId = deviceId;
        this.file = file;
    }

    static SysfsOneWireDevice open(Path devices, String deviceId) throws HardwareException {
        if (!deviceId.matches("[0-9a-fA-F]{2}-[0-9a-fA-F]+")) {
            throw new HardwareException(HardwareException.Kind.UNAVAILABLE,
                    "'" + deviceId + "' is not a 1-Wire device id like 28-0316a2794eff");
        }
        return new SysfsOneWireDevice(deviceId, devices.resolve(deviceId).resolve("w1_slave"));
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public String read() throws HardwareException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR,
                    "1-Wire device " + deviceId + ": cannot read " + file + " (" + e + ")", e);
        }
    }
}
