package org.kervi.api.hardware;

import org.osgi.annotation.versioning.ProviderType;

/** A GPIO pin driven high or low (a relay, an LED). Closing it releases the pin. */
@ProviderType
public interface DigitalOutput extends AutoCloseable {
    int pin();

    void set(boolean high) throws HardwareException;

    boolean isHigh() throws HardwareException;

    @Override
    void close();
}
