package org.kervi.api.hardware;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Moves pins of the mock platform from outside, as a wire or a button would: a tool for trying the mock platform
 * and for tests ({@code kervi:hardware-mock}). It never touches real hardware: on another platform every method
 * fails with {@link HardwareException.Kind#UNAVAILABLE}.
 */
@ProviderType
public interface MockPins {
    /**
     * Sets the level of a mock digital input that a channel or driver holds; its listeners hear the change.
     *
     * @throws HardwareException not the mock platform, or no digital input held on {@code pin}
     */
    void setInput(int pin, boolean high) throws HardwareException;
}
