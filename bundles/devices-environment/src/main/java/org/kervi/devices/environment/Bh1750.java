package org.kervi.devices.environment;

import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.environment.internal.Bh1750Chip;

/**
 * A ROHM BH1750 ambient light sensor on I2C, in continuous high-resolution mode (1 lx resolution, about 120 ms per
 * measurement). The chip is powered on and set to that mode at the first read (again after a failed read). The
 * BH1750 has no chip id, so a wrong chip cannot be told apart from a right one; a missing one is a bus error.
 */
public final class Bh1750 implements SensorDriver {
    /** ADDR to ground (or open). */
    public static final int ADDRESS = 0x23;
    /** ADDR to VCC. */
    public static final int ALTERNATE_ADDRESS = 0x5C;

    private final Bh1750Chip chip;

    private Bh1750(Bh1750Chip chip) {
        this.chip = chip;
    }

    public static Bh1750 on(I2cDevice device) {
        return new Bh1750(new Bh1750Chip(device));
    }

    /** Lux: the 16-bit measurement divided by 1.2. */
    @Override
    public double read() throws HardwareException {
        return chip.readLux();
    }

    /** The two bytes a BH1750 answers for {@code lux}: what a simulation queues on the mock I2C device (raw reads). */
    public static byte[] measurementBytes(double lux) {
        return Bh1750Chip.measurementBytes(lux);
    }

    @Override
    public String unit() {
        return "lx";
    }

    @Override
    public double min() {
        return 0;
    }

    @Override
    public double max() {
        return 65535 / 1.2;
    }

    @Override
    public String type() {
        return "light";
    }
}
