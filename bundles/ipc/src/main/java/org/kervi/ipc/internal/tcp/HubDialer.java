package org.kervi.ipc.internal.tcp;

import java.io.IOException;

/** How a {@link TcpClientTransport} reaches its hub: over TCP, or in-JVM when the hub runs in the same instance. */
public interface HubDialer {

    /** Connects and authenticates; returns the connection, started with {@code handler}. */
    Connection dial(Connection.Handler handler) throws IOException, ProtocolException;

    /** Where the hub is, for messages. */
    String address();
}
