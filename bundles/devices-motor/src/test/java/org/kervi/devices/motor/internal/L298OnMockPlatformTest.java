package org.kervi.devices.motor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.devices.motor.DcMotor;
import org.kervi.devices.motor.DcMotorController;
import org.kervi.devices.motor.L298;
import org.kervi.devices.motor.StopMode;
import org.kervi.devices.pi4j.mock.MockHardware;

/** IN1 on GPIO 23, IN2 on GPIO 24, ENA on PWM channel 0; the states are read from Pi4J's mock pins. */
class L298OnMockPlatformTest {
    private static final int IN1 = 23;
    private static final int IN2 = 24;
    private static final int ENA = 0;

    @TempDir
    Path oneWire;

    private MockHardware mock;
    private TestContext context;

    @BeforeEach
    void openMock() {
        mock = MockHardware.create(oneWire);
        context = new TestContext();
    }

    @AfterEach
    void close() {
        context.close();
        mock.close();
    }

    @Test
    void directionOnTheInputsSpeedOnEnableCoastAtZero() throws Exception {
        DcMotorController pump = new DcMotorController("pump", "Pump", motor(StopMode.COAST));
        pump.start(context);
        assertPins(false, false, 0);

        pump.speed().setFromOutside(50);
        assertPins(true, false, 50);

        pump.speed().setFromOutside(-100);
        assertPins(false, true, 100);

        pump.speed().setFromOutside(0);
        assertPins(false, false, 0);
        assertEquals("", pump.error().get());
    }

    @Test
    void brakeAtZeroHoldsEnableHighWithBothInputsLow() throws Exception {
        DcMotor motor = motor(StopMode.BRAKE);
        motor.setSpeed(-30);
        assertPins(false, true, 30);

        motor.setSpeed(0);
        assertPins(false, false, 100);
    }

    @Test
    void stoppingTheControllerStopsTheMotor() throws Exception {
        DcMotorController pump = new DcMotorController("pump", "Pump", motor(StopMode.COAST));
        pump.speed().set(75.0);
        pump.start(context);
        assertPins(true, false, 75);

        pump.stop();
        assertPins(false, false, 0);
    }

    @Test
    void aSpeedOutsidePlusMinus100IsAClearError() throws Exception {
        DcMotor motor = motor(StopMode.COAST);
        IllegalArgumentException tooFast = assertThrows(IllegalArgumentException.class, () -> motor.setSpeed(-150));
        assertTrue(tooFast.getMessage().contains("-150"), tooFast.getMessage());
        assertPins(false, false, 0);
    }

    private DcMotor motor(StopMode stop) throws HardwareException {
        Hardware hardware = mock.hardware();
        return L298.motor(hardware.digitalOutput(IN1), hardware.digitalOutput(IN2), hardware.pwmOutput(ENA), stop);
    }

    private void assertPins(boolean in1, boolean in2, double enablePercent) {
        assertEquals(in1, mock.isOutputHigh(IN1), "IN1");
        assertEquals(in2, mock.isOutputHigh(IN2), "IN2");
        assertEquals(enablePercent, mock.pwmDutyCycle(ENA), 0.01, "ENA duty cycle");
    }
}
