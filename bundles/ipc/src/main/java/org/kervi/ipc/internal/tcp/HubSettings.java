package org.kervi.ipc.internal.tcp;

/**
 * What a {@link TcpHub} needs; the master secret is never logged. Before its {@code welcome} a connection may send
 * frames of at most {@code maxHandshakeFrameBytes}, must finish the handshake within
 * {@code handshakeTimeoutMillis}, and at most {@code maxPendingHandshakes} connections are in the handshake at once.
 */
public record HubSettings(String bindAddress, int port, String applicationId, byte[] secret, int maxFrameBytes,
        int outboundQueueSize, long heartbeatMillis, long heartbeatTimeoutMillis, int maxHandshakeFrameBytes,
        long handshakeTimeoutMillis, int maxPendingHandshakes) {

    public static final int MAX_HANDSHAKE_FRAME_BYTES = 1024;
    public static final long HANDSHAKE_TIMEOUT_MILLIS = 5000;
    public static final int MAX_PENDING_HANDSHAKES = 32;

    /** With the default pre-authentication bounds. */
    public HubSettings(String bindAddress, int port, String applicationId, byte[] secret, int maxFrameBytes,
            int outboundQueueSize, long heartbeatMillis, long heartbeatTimeoutMillis) {
        this(bindAddress, port, applicationId, secret, maxFrameBytes, outboundQueueSize, heartbeatMillis,
                heartbeatTimeoutMillis, MAX_HANDSHAKE_FRAME_BYTES, HANDSHAKE_TIMEOUT_MILLIS, MAX_PENDING_HANDSHAKES);
    }

    @Override
    public String toString() {
        return "hub " + bindAddress + ":" + port + " (application " + applicationId + ")";
    }
}
