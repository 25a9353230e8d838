package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.pwm.Pwm;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.OptionalDouble;
import org.kervi.devices.pi4j.mock.MockPlatformControl;

/**
 * {@link MockPlatformControl} over the mock context's registry: pins and devices are found by the ids that
 * {@link Pi4jHardware} gives them. I2C queues are changed while holding the device, as {@link Pi4jI2cDevice} does.
 */
final class Pi4jMockControl implements MockPlatformControl {
    private static final int CHUNK = 64;
    private final Context context;

    Pi4jMockControl(Context context) {
        this.context = context;
    }

    @Override
    public Optional<Boolean> output(int pin) {
        return open(Pi4jHardware.gpioId(pin), DigitalOutput.class).map(DigitalOutput::isHigh);
    }

    @Override
    public OptionalDouble pwmDutyCycle(int channel) {
        Optional<Pwm> pwm = open(Pi4jHardware.pwmId(channel), Pwm.class);
        return pwm.map(p -> OptionalDouble.of(p.isOn() ? p.dutyCycle() : 0)).orElse(OptionalDouble.empty());
    }

    @Override
    public boolean setRegisterReads(int bus, int address, int register, byte[] bytes, int copies) {
        Optional<I2C> device = open(Pi4jHardware.i2cId(bus, address), I2C.class);
        device.ifPresent(i2c -> {
            synchronized (i2c) {
                drain(i2c, register);
                for (int i = 0; i < copies; i++) {
                    i2c.writeRegister(register, bytes, 0, bytes.length);
                }
            }
        });
        return device.isPresent();
    }

    @Override
    public boolean ensureRegisterRead(int bus, int address, int register, byte[] bytes) {
        Optional<I2C> device = open(Pi4jHardware.i2cId(bus, address), I2C.class);
        device.ifPresent(i2c -> {
            synchronized (i2c) {
                byte[] queued = drain(i2c, register);
                byte[] next = queued.length == 0 ? bytes : queued;
                i2c.writeRegister(register, next, 0, next.length);
            }
        });
        return device.isPresent();
    }

    @Override
    public Optional<byte[]> takeRegisterWrites(int bus, int address, int register) {
        return open(Pi4jHardware.i2cId(bus, address), I2C.class).map(i2c -> {
            synchronized (i2c) {
                return drain(i2c, register);
            }
        }).filter(written -> written.length > 0);
    }

    /** Empties a mock register queue; the mock's block read answers -1 once it is empty. */
    private static byte[] drain(I2C i2c, int register) {
        ByteArrayOutputStream taken = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        int read;
        while ((read = i2c.readRegister(register, chunk, 0, CHUNK)) > 0) {
            taken.write(chunk, 0, read);
        }
        return taken.toByteArray();
    }

    private <T> Optional<T> open(String id, Class<T> type) {
        try {
            if (!context.registry().exists(id)) {
                return Optional.empty();
            }
            IO<?, ?, ?> io = context.registry().get(id);
            return type.isInstance(io) ? Optional.of(type.cast(io)) : Optional.empty();
        } catch (RuntimeException closedMeanwhile) {
            return Optional.empty();
        }
    }
}
