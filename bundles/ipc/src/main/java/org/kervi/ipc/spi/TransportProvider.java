package org.kervi.ipc.spi;

import org.kervi.ipc.api.Transport;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes the transports of one kind (MQTT, ...). Registered as a service with the property {@link #NAME}; the IPC
 * component of pid {@code org.kervi.ipc} uses the provider whose name its {@code transport} setting gives, and
 * waits (saying so in {@code kervi:instances}) while no such provider is there. The built-in {@code tcp} transport
 * is not a provider service: it is part of the {@code kervi-ipc} bundle, beside the hub.
 */
@ConsumerType
public interface TransportProvider {
    /** The service property naming the transport, e.g. {@code mqtt}; also the feature {@code kervi-ipc-<name>}. */
    String NAME = "kervi.transport";

    /**
     * A new, not yet started transport for this instance. Its own settings (broker, credentials...) come from the
     * provider's configuration; a wrong one throws an {@link IllegalArgumentException} saying what is wrong.
     */
    Transport create(TransportSettings settings);
}
