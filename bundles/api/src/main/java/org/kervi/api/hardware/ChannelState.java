package org.kervi.api.hardware;

/** Whether a GPIO channel configuration holds its pin and serves its value. */
public enum ChannelState {
    /** The pin is held and the value registered. */
    ACTIVE,
    /** The configuration was refused or the pin could not be opened; the error says why. */
    FAILED
}
