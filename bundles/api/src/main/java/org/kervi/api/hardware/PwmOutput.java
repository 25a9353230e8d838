package org.kervi.api.hardware;

import org.osgi.annotation.versioning.ProviderType;

/** A PWM channel (a fan, a dimmed LED). Closing it stops the output and releases the channel. */
@ProviderType
public interface PwmOutput extends AutoCloseable {
    int channel();

    /** Sets the duty cycle in percent, 0 to 100; other values fail with an {@link IllegalArgumentException}. */
    void setDutyCycle(double percent) throws HardwareException;

    double dutyCycle() throws HardwareException;

    /** Sets the frequency in hertz, more than 0. */
    void setFrequency(int hertz) throws HardwareException;

    int frequency() throws HardwareException;

    @Override
    void close();
}
