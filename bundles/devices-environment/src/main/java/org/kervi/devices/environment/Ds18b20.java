package org.kervi.devices.environment;

import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.OneWireDevice;
import org.kervi.devices.environment.internal.Ds18b20Scratchpad;
import org.kervi.devices.environment.internal.W1SlaveText;

/**
 * A Maxim DS18B20 temperature sensor on 1-Wire, read through the kernel's {@code w1_slave} file. Each read checks the
 * scratchpad's CRC itself, and refuses the kernel's {@code NO}, the 85 °C power-on value (the chip answered before it
 * converted) and an all-0x00 or all-0xFF scratchpad (a bus fault).
 */
public final class Ds18b20 implements SensorDriver {
    /** The family code the kernel puts in front of a DS18B20's id ({@code 28-0316a2794eff}). */
    public static final int FAMILY = 0x28;

    private final OneWireDevice device;

    private Ds18b20(OneWireDevice device) {
        this.device = device;
    }

    /** A DS18B20 on the given device; a device id of another family fails each read with WRONG_CHIP. */
    public static Ds18b20 on(OneWireDevice device) {
        return new Ds18b20(device);
    }

    /** Degrees Celsius, resolution 0.0625 at the chip's default 12 bits. */
    @Override
    public double read() throws HardwareException {
        requireFamily();
        return Ds18b20Scratchpad.parse(W1SlaveText.parse(device.deviceId(), device.read())).celsius();
    }

    /**
     * The {@code w1_slave} text the kernel writes for a DS18B20 reading {@code celsius} (rounded to 1/16 °C), with a
     * valid CRC: what a simulation on the mock platform writes to {@code <1-Wire devices>/<id>/w1_slave}.
     */
    public static String w1SlaveText(double celsius) {
        return W1SlaveText.format(Ds18b20Scratchpad.of(celsius).bytes());
    }

    private void requireFamily() throws HardwareException {
        String id = device.deviceId();
        int family = Integer.parseInt(id.substring(0, id.indexOf('-')), 16);
        if (family != FAMILY) {
            throw new HardwareException(HardwareException.Kind.WRONG_CHIP, String.format(
                    "1-Wire device %s is family 0x%02X, expected a DS18B20 (family 0x28)", id, family));
        }
    }

    @Override
    public String unit() {
        return "°C";
    }

    @Override
    public double min() {
        return -55;
    }

    @Override
    public double max() {
        return 125;
    }

    @Override
    public String type() {
        return "temperature";
    }
}
