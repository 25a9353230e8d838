package org.kervi.devices.motor.internal;

import org.kervi.api.hardware.DigitalOutput;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.PwmOutput;
import org.kervi.devices.motor.DcMotor;
import org.kervi.devices.motor.StopMode;

/** Forward: IN1 high, IN2 low; backward: IN1 low, IN2 high; EN's duty cycle is the speed. */
public final class L298Motor implements DcMotor {
    private final DigitalOutput in1;
    private final DigitalOutput in2;
    private final PwmOutput enable;
    private final StopMode stop;

    public L298Motor(DigitalOutput in1, DigitalOutput in2, PwmOutput enable, StopMode stop) {
        this.in1 = in1;
        this.in2 = in2;
        this.enable = enable;
        this.stop = stop;
    }

    @Override
    public void setSpeed(double percent) throws HardwareException {
        DcMotor.checkSpeed(percent);
        if (percent == 0) {
            in1.set(false);
            in2.set(false);
            enable.setDutyCycle(stop == StopMode.BRAKE ? 100 : 0);
            return;
        }
        // the line that goes low first, so that both are never high on the way
        (percent > 0 ? in2 : in1).set(false);
        (percent > 0 ? in1 : in2).set(true);
        enable.setDutyCycle(Math.abs(percent));
    }
}
