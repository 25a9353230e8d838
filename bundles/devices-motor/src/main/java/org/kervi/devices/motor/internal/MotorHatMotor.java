package org.kervi.devices.motor.internal;

import org.kervi.api.hardware.HardwareException;
import org.kervi.devices.motor.DcMotor;
import org.kervi.devices.motor.Pca9685;
import org.kervi.devices.motor.StopMode;

/**
 * One motor of a TB6612 on PCA9685 channels. Forward: IN1 high, IN2 low; backward: IN1 low, IN2 high; the speed is
 * the PWM channel's duty cycle. Stopped: both low and PWM off (coast), or both high (short brake).
 */
public final class MotorHatMotor implements DcMotor {
    private final Pca9685 pwm;
    private final int speedChannel;
    private final int in1;
    private final int in2;
    private final StopMode stop;

    public MotorHatMotor(Pca9685 pwm, int speedChannel, int in1, int in2, StopMode stop) {
        this.pwm = pwm;
        this.speedChannel = speedChannel;
        this.in1 = in1;
        this.in2 = in2;
        this.stop = stop;
    }

    @Override
    public void setSpeed(double percent) throws HardwareException {
        DcMotor.checkSpeed(percent);
        if (percent == 0) {
            boolean brake = stop == StopMode.BRAKE;
            pwm.set(in1, brake);
            pwm.set(in2, brake);
            pwm.setDutyCycle(speedChannel, 0);
            return;
        }
        // the line that goes low first, so that both are never high on the way
        pwm.set(percent > 0 ? in2 : in1, false);
        pwm.set(percent > 0 ? in1 : in2, true);
        pwm.setDutyCycle(speedChannel, Math.abs(percent));
    }
}
