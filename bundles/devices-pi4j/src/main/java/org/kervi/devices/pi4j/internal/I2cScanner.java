package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import java.util.ArrayList;
import java.util.List;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cScan;

/**
 * Probes an I2C bus address by address with a one-byte read, as {@code i2cdetect -r} does. Addresses that a driver
 * or channel of this instance holds are not touched.
 */
final class I2cScanner {
    private I2cScanner() {}

    static I2cScan scan(Context context, String platform, int bus) throws HardwareException {
        if (PlatformChoice.MOCK.configName().equals(platform)) {
            throw new HardwareException(HardwareException.Kind.UNAVAILABLE, "the mock platform has no I2C bus to"
                    + " scan; set platform = linuxfs (or auto) in org.kervi.hardware on a Raspberry Pi");
        }
        if (bus < 0) {
            throw new HardwareException(HardwareException.Kind.UNAVAILABLE, "i2c bus " + bus + " is negative");
        }
        List<Integer> held = new ArrayList<>();
        for (I2C i2c : context.registry().allByType(I2C.class).values()) {
            if (i2c.bus() == bus) {
                held.add(i2c.device());
            }
        }
        List<Integer> answered = new ArrayList<>();
        for (int address = I2cScan.FIRST_ADDRESS; address <= I2cScan.LAST_ADDRESS; address++) {
            if (!held.contains(address) && answers(context, bus, address)) {
                answered.add(address);
            }
        }
        held.sort(null);
        return new I2cScan(bus, answered, held);
    }

    private static boolean answers(Context context, int bus, int address) throws HardwareException {
        String id = String.format("i2c-scan-%d-0x%02x", bus, address);
        I2C i2c;
        try {
            i2c = context.create(I2C.newConfigBuilder(context).id(id).bus(bus).device(address));
        } catch (RuntimeException e) {
            throw new HardwareException(HardwareException.Kind.UNAVAILABLE,
                    "i2c bus " + bus + " cannot be opened: " + e.getMessage(), e);
        }
        try {
            return i2c.read() >= 0;
        } catch (RuntimeException noAnswer) {
            return false;
        } finally {
            Pi4jIo.release(context, id);
        }
    }
}
