package org.kervi.api.hardware;

import org.osgi.annotation.versioning.ProviderType;

/** One chip on an SPI bus, selected by its chip-select line. */
@ProviderType
public interface SpiDevice extends AutoCloseable {
    int bus();

    int chipSelect();

    /** Sends {@code out} and returns the bytes clocked in at the same time (as many as were sent). */
    byte[] transfer(byte[] out) throws HardwareException;

    @Override
    void close();
}
