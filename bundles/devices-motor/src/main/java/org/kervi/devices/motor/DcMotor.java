package org.kervi.devices.motor;

import org.kervi.api.hardware.HardwareException;

/** A DC motor behind an H-bridge. */
public interface DcMotor {
    /** −100 to 100 %: the sign is the direction, 0 stops the motor as its {@link StopMode} says. */
    void setSpeed(double percent) throws HardwareException;

    /** Fails with a clear message unless {@code percent} is within −100…100. */
    static void checkSpeed(double percent) {
        if (!(percent >= -100 && percent <= 100)) {
            throw new IllegalArgumentException("motor speed " + percent + " % is outside −100…100 %");
        }
    }
}
