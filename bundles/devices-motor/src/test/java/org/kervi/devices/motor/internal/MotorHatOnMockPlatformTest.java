package org.kervi.devices.motor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kervi.devices.motor.DcMotorController;
import org.kervi.devices.motor.MotorHat;
import org.kervi.devices.motor.StopMode;

/** Motor M1 of the HAT: speed on channel 8, IN2 on 9, IN1 on 10 (Adafruit's wiring). */
class MotorHatOnMockPlatformTest extends MockChipTest {
    private static final int PWM = 8;
    private static final int IN2 = 9;
    private static final int IN1 = 10;

    @Override
    protected int address() {
        return MotorHat.ADDRESS;
    }

    @Test
    void forwardHalfBackwardFullAndRelease() throws Exception {
        writes.queuePowerOnMode1();
        DcMotorController wheel = new DcMotorController("wheel", "Wheel", MotorHat.on(chip).motor(1));
        wheel.start(context);
        writes.assertSetUp(3);
        writes.assertChannel(IN1, ChipWrites.FULL_OFF);
        writes.assertChannel(IN2, ChipWrites.FULL_OFF);
        writes.assertChannel(PWM, ChipWrites.FULL_OFF);

        wheel.speed().setFromOutside(50);
        writes.assertChannel(IN2, ChipWrites.FULL_OFF);
        writes.assertChannel(IN1, ChipWrites.FULL_ON);
        writes.assertChannel(PWM, ChipWrites.offAt(2048));

        wheel.speed().setFromOutside(-100);
        writes.assertChannel(IN1, ChipWrites.FULL_OFF);
        writes.assertChannel(IN2, ChipWrites.FULL_ON);
        writes.assertChannel(PWM, ChipWrites.FULL_ON);

        wheel.speed().setFromOutside(0);
        writes.assertChannel(IN1, ChipWrites.FULL_OFF);
        writes.assertChannel(IN2, ChipWrites.FULL_OFF);
        writes.assertChannel(PWM, ChipWrites.FULL_OFF);
        assertEquals("", wheel.error().get());
    }

    @Test
    void brakeHoldsBothLinesHighAndStoppingTheControllerStopsTheMotor() throws Exception {
        writes.queuePowerOnMode1();
        DcMotorController winch = new DcMotorController("winch", "Winch",
                MotorHat.on(chip).motor(3, StopMode.BRAKE));
        winch.speed().set(25.0);
        winch.start(context);
        writes.assertSetUp(3);
        writes.assertChannel(3, ChipWrites.FULL_OFF);
        writes.assertChannel(4, ChipWrites.FULL_ON);
        writes.assertChannel(2, ChipWrites.offAt(1024));

        winch.stop();
        writes.assertChannel(4, ChipWrites.FULL_ON);
        writes.assertChannel(3, ChipWrites.FULL_ON);
        writes.assertChannel(2, ChipWrites.FULL_OFF);
    }

    @Test
    void theMotorsAreM1ToM4AndSpeedsWithinPlusMinus100() {
        MotorHat hat = MotorHat.on(chip);
        IllegalArgumentException m5 = assertThrows(IllegalArgumentException.class, () -> hat.motor(5));
        assertTrue(m5.getMessage().contains("M5"), m5.getMessage());
        assertThrows(IllegalArgumentException.class, () -> hat.motor(0));
        assertThrows(IllegalArgumentException.class, () -> hat.motor(2).setSpeed(101));
    }

    @Test
    void aMissingChipShowsOnErrorAndTheNextSpeedTriesAgain() throws Exception {
        DcMotorController wheel = new DcMotorController("wheel", "Wheel", MotorHat.on(chip).motor(2));
        wheel.start(context);
        assertTrue(wheel.error().get().contains("i2c bus 1 address 0x60"), wheel.error().get());

        writes.queuePowerOnMode1();
        wheel.speed().setFromOutside(-50);
        assertEquals("", wheel.error().get());
        writes.assertSetUp(3);
        writes.assertChannel(11, ChipWrites.FULL_OFF);
        writes.assertChannel(12, ChipWrites.FULL_ON);
        writes.assertChannel(13, ChipWrites.offAt(2048));
    }
}
