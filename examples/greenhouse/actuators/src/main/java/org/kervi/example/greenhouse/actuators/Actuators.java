package org.kervi.example.greenhouse.actuators;

import org.kervi.api.hardware.DigitalOutput;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.api.hardware.PwmOutput;

/** The pump relay, the fan and the vent servo, held open while the controller runs. */
final class Actuators implements AutoCloseable {
    private final DigitalOutput pump;
    private final PwmOutput fan;
    private final I2cDevice pca9685;
    private final Pca9685Servo vent;

    private Actuators(DigitalOutput pump, PwmOutput fan, I2cDevice pca9685, int ventChannel) {
        this.pump = pump;
        this.fan = fan;
        this.pca9685 = pca9685;
        this.vent = new Pca9685Servo(pca9685, ventChannel);
    }

    /** Opens all three; what was opened is released again when one fails. */
    static Actuators open(Hardware hardware, ActuatorsConfig config) throws HardwareException {
        DigitalOutput pump = hardware.digitalOutput(config.pumpPin());
        PwmOutput fan = null;
        try {
            fan = hardware.pwmOutput(config.fanChannel());
            fan.setFrequency(config.fanFrequency());
            I2cDevice pca9685 = hardware.i2cDevice(config.i2cBus(), config.pca9685Address());
            return new Actuators(pump, fan, pca9685, config.ventChannel());
        } catch (HardwareException | RuntimeException e) {
            if (fan != null) {
                fan.close();
            }
            pump.close();
            throw e;
        }
    }

    void pump(boolean on) throws HardwareException {
        pump.set(on);
    }

    void fan(double percent) throws HardwareException {
        fan.setDutyCycle(percent);
    }

    void vent(double degrees) throws HardwareException {
        vent.moveTo(degrees);
    }

    @Override
    public void close() {
        pump.close();
        fan.close();
        pca9685.close();
    }
}
