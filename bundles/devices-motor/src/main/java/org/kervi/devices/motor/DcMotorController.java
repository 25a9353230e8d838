package org.kervi.devices.motor;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.kervi.api.components.Controller;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.StringValue;
import org.kervi.api.values.Value;

/**
 * A DC motor as a Kervi controller: input {@code speed} from −100 to 100 % (the sign is the direction, 0 stops).
 * The motor is set when the application starts, on every change of {@code speed}, and stopped when the controller
 * stops. Output {@code error} holds the last hardware error (empty when the last command succeeded); a failed
 * command is tried again with the next change.
 */
public class DcMotorController extends Controller {
    private static final Logger LOG = System.getLogger(DcMotorController.class.getName());

    private final DcMotor motor;
    private final NumberValue speed;
    private final StringValue error;

    public DcMotorController(String id, String name, DcMotor motor) {
        super(id, name);
        this.motor = motor;
        this.speed = inputs().number("speed", "Speed").range(-100, 100).unit("%").decimals(0);
        this.error = outputs().string("error", "Error");
        error.set("");
    }

    public final NumberValue speed() {
        return speed;
    }

    public final StringValue error() {
        return error;
    }

    @Override
    protected void onStart() {
        drive();
    }

    @Override
    protected void onExit() {
        try {
            motor.setSpeed(0);
        } catch (HardwareException e) {
            LOG.log(Level.WARNING, "could not stop motor " + id() + ": " + e.getMessage());
        }
    }

    @Override
    protected void inputChanged(Value<?> input) {
        if (input == speed) {
            drive();
        }
    }

    private synchronized void drive() {
        try {
            motor.setSpeed(speed.doubleValue());
            error.set("");
        } catch (HardwareException e) {
            error.set(e.getMessage());
        }
    }
}
