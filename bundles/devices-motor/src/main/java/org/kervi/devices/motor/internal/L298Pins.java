package org.kervi.devices.motor.internal;

import org.kervi.api.hardware.DigitalOutput;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.PwmOutput;

/** The three pins of one L298 channel, opened together: if one cannot be had, none is kept. */
record L298Pins(DigitalOutput in1, DigitalOutput in2, PwmOutput enable) implements AutoCloseable {
    static L298Pins open(Hardware hardware, L298Config config) throws HardwareException {
        DigitalOutput in1 = hardware.digitalOutput(config.in1());
        try {
            DigitalOutput in2 = hardware.digitalOutput(config.in2());
            try {
                PwmOutput enable = hardware.pwmOutput(config.enable());
                try {
                    enable.setFrequency(config.frequency());
                    return new L298Pins(in1, in2, enable);
                } catch (HardwareException | RuntimeException e) {
                    enable.close();
                    throw e;
                }
            } catch (HardwareException | RuntimeException e) {
                in2.close();
                throw e;
            }
        } catch (HardwareException | RuntimeException e) {
            in1.close();
            throw e;
        }
    }

    @Override
    public void close() {
        enable.close();
        in2.close();
        in1.close();
    }
}
