package org.kervi.devices.pi4j.internal;

import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.spi.Spi;

/** How {@code kervi:hardware} names a Pi4J I/O: its address ({@code gpio 17}), kind and state. */
final class IoDescriptions {
    private IoDescriptions() {}

    static String address(IO<?, ?, ?> io) {
        if (io instanceof DigitalInput input) {
            return IoOwners.gpio(input.address().intValue());
        }
        if (io instanceof DigitalOutput output) {
            return IoOwners.gpio(output.address().intValue());
        }
        if (io instanceof Pwm pwm) {
            return IoOwners.pwm(pwm.address());
        }
        if (io instanceof I2C i2c) {
            return IoOwners.i2c(i2c.bus(), i2c.device());
        }
        if (io instanceof Spi spi) {
            return IoOwners.spi(spi.config().bus().getBus(), spi.config().channel());
        }
        return io.id();
    }

    static String kind(IO<?, ?, ?> io) {
        return io.type() == null ? io.getClass().getSimpleName()
                : io.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String state(IO<?, ?, ?> io) {
        try {
            if (io instanceof DigitalInput input) {
                return input.isHigh() ? "high" : "low";
            }
            if (io instanceof DigitalOutput output) {
                return output.isHigh() ? "high" : "low";
            }
            if (io instanceof Pwm pwm) {
                return pwm.isOn() ? Math.round(pwm.dutyCycle() * 10) / 10.0 + " % at " + pwm.frequency() + " Hz"
                        : "off";
            }
        } catch (RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
        return "";
    }
}
