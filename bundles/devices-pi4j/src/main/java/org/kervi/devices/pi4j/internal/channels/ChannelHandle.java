package org.kervi.devices.pi4j.internal.channels;

import org.kervi.api.hardware.ChannelStatus;

/** A channel configuration's state, registered (inside this bundle) for {@code kervi:hardware}. */
public interface ChannelHandle {
    ChannelStatus status();
}
