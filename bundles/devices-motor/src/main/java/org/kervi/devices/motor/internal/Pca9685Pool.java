package org.kervi.devices.motor.internal;

import java.util.HashMap;
import java.util.Map;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.motor.Pca9685;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Shares one {@link Pca9685} per bus and address among the configured servos and motors: an I2C device is held
 * once, so the first user opens it and the last one closes it. Users of one chip must agree on its frequency.
 */
@Component(service = Pca9685Pool.class)
public final class Pca9685Pool {
    private final Hardware hardware;
    private final Map<String, Shared> chips = new HashMap<>();

    @Activate
    public Pca9685Pool(@Reference Hardware hardware) {
        this.hardware = hardware;
    }

    /** A lease on the chip; close it when done. */
    public synchronized Lease acquire(int bus, int address, int hertz, String user) throws HardwareException {
        String key = bus + "/" + address;
        Shared shared = chips.get(key);
        if (shared == null) {
            I2cDevice device = hardware.i2cDevice(bus, address);
            shared = new Shared(device, Pca9685.on(device, hertz), hertz, user);
            chips.put(key, shared);
        } else if (shared.hertz != hertz) {
            throw new HardwareException(HardwareException.Kind.UNAVAILABLE, String.format(
                    "PCA9685 at i2c bus %d address 0x%02X runs at %d Hz for %s; %s needs %d Hz",
                    bus, address, shared.hertz, shared.firstUser, user, hertz));
        }
        shared.users++;
        Shared leased = shared;
        return new Lease(leased.pwm, () -> release(key, leased));
    }

    private synchronized void release(String key, Shared shared) {
        if (--shared.users == 0) {
            chips.remove(key);
            shared.device.close();
        }
    }

    /** One chip in use. */
    private static final class Shared {
        final I2cDevice device;
        final Pca9685 pwm;
        final int hertz;
        final String firstUser;
        int users;

        Shared(I2cDevice device, Pca9685 pwm, int hertz, String firstUser) {
            this.device = device;
            this.pwm = pwm;
            this.hertz = hertz;
            this.firstUser = firstUser;
        }
    }

    /** A user's hold on a shared chip. */
    public static final class Lease implements AutoCloseable {
        private final Pca9685 pwm;
        private final Runnable release;
        private boolean closed;

        Lease(Pca9685 pwm, Runnable release) {
            this.pwm = pwm;
            this.release = release;
        }

        public Pca9685 pwm() {
            return pwm;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release.run();
            }
        }
    }
}
