package org.kervi.ipc.internal.tcp;

/**
 * What a {@link TcpHub} needs; the master secret is never logged. Before its {@code welcome} a connection may send
 * frames of at most {@code maxHandshakeFrameBytes}, must finish the handshake within
 * {@code handshakeTimeoutMillis}, and at most {@code maxPendingHandshakes} connections are in the handshake at once
 * (the TLS handshake included). {@code tls} null: plain TCP.
 */
public record HubSettings(String bindAddress, int port, String applicationId, byte[] secret, int maxFrameBytes,
        int outboundQueueSize, long heartbeatMillis, long heartbeatTimeoutMillis, int maxHandshakeFrameBytes,
        long handshakeTimeoutMillis, int maxPendingHandshakes, TlsSettings tls) {

    public static final int MAX_HANDSHAKE_FRAME_BYTES = 1024;
    public static final long HANDSHAKE_TIMEOUT_MILLIS = 5000;
    public static final int MAX_PENDING_HANDSHAKES = 32;

    /** Plain TCP. */
    public HubSettings(String bindAddress, int port, String applicationId, byte[] secret, int maxFrameBytes,
            int outboundQueueSize, long heartbeatMillis, long heartbeatTimeoutMillis, int maxHandshakeFrameBytes,
            long handshakeTimeoutMillis, int maxPendingHandshakes) {
        this(bindAddress, port, applicationId, secret, maxFrameBytes, outboundQueueSize, heartbeatMillis,
                heartbeatTimeoutMillis, maxHandshakeFrameBytes, handshakeTimeoutMillis, maxPendingHandshakes, null);
    }

    /** Plain TCP, with the default pre-authentication bounds. */
    public HubSettings(String bindAddress, int port, String applicationId, byte[] secret, int maxFrameBytes,
            int outboundQueueSize, long heartbeatMillis, long heartbeatTimeoutMillis) {
        this(bindAddress, port, applicationId, secret, maxFrameBytes, outboundQueueSize, heartbeatMillis,
                heartbeatTimeoutMillis, MAX_HANDSHAKE_FRAME_BYTES, HANDSHAKE_TIMEOUT_MILLIS, MAX_PENDING_HANDSHAKES);
    }

    /** The same settings with TLS ({@code null}: plain TCP). */
    public HubSettings withTls(TlsSettings with) {
        return new HubSettings(bindAddress, port, applicationId, secret, maxFrameBytes, outboundQueueSize,
                heartbeatMillis, heartbeatTimeoutMillis, maxHandshakeFrameBytes, handshakeTimeoutMillis,
                maxPendingHandshakes, with);
    }

    @Override
    public String toString() {
        return "hub " + bindAddress + ":" + port + (tls == null ? "" : " over TLS") + " (application "
                + applicationId + ")";
    }
}
