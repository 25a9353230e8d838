package org.kervi.devices.pi4j.mock;

import java.util.Optional;
import java.util.OptionalDouble;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The world around the pins while the {@link org.kervi.api.hardware.Hardware} service runs on Pi4J's mock platform:
 * registered as a service only then. A simulation (or a test) reads back what drivers drove and fills the bytes that
 * drivers will read; mock inputs are moved with {@link org.kervi.api.hardware.MockPins}. Every method addresses a pin
 * or device that a driver holds open; when none does, it changes nothing and says so ({@code false} or empty).
 *
 * <p>Mock I2C registers are queues: a driver's write of a register adds to it, a driver's read takes from it.
 */
@ProviderType
public interface MockPlatformControl {
    /** The state of an open digital output. */
    Optional<Boolean> output(int pin);

    /** The duty cycle in percent of an open PWM channel (0 while it is off). */
    OptionalDouble pwmDutyCycle(int channel);

    /**
     * Replaces what the next reads of {@code register} return with {@code copies} times {@code bytes}, so that up to
     * {@code copies} reads of {@code bytes.length} bytes each find the same answer.
     */
    boolean setRegisterReads(int bus, int address, int register, byte[] bytes, int copies);

    /** Queues {@code bytes} for one read of {@code register} unless a read is queued already. */
    boolean ensureRegisterRead(int bus, int address, int register, byte[] bytes);

    /** Takes everything written to {@code register} since the last call, oldest first; empty when nothing. */
    Optional<byte[]> takeRegisterWrites(int bus, int address, int register);
}
