package org.kervi.devices.motor;

import org.kervi.api.hardware.DigitalOutput;
import org.kervi.api.hardware.PwmOutput;
import org.kervi.devices.motor.internal.L298Motor;

/**
 * One channel of an ST L298 dual H-bridge (L298N boards): IN1 and IN2 on GPIO outputs give the direction, ENA on a
 * PWM output the speed. Per the datasheet, EN low lets the motor run free (coast); EN high with IN1 = IN2 stops it
 * fast (brake).
 */
public final class L298 {
    private L298() {}

    /** A motor that coasts at speed 0, as Kervi's LN298 driver does. */
    public static DcMotor motor(DigitalOutput in1, DigitalOutput in2, PwmOutput enable) {
        return motor(in1, in2, enable, StopMode.COAST);
    }

    public static DcMotor motor(DigitalOutput in1, DigitalOutput in2, PwmOutput enable, StopMode stop) {
        return new L298Motor(in1, in2, enable, stop);
    }
}
