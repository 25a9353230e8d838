package org.kervi.api.hardware;

import org.kervi.api.Registration;
import org.osgi.annotation.versioning.ProviderType;

/** A GPIO pin read as high or low. Closing it releases the pin. */
@ProviderType
public interface DigitalInput extends AutoCloseable {
    int pin();

    boolean isHigh() throws HardwareException;

    /** Calls the listener on every change of state, on a platform thread: return quickly. */
    Registration onChange(DigitalInputListener listener);

    @Override
    void close();
}
