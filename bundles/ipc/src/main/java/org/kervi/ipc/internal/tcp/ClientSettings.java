package org.kervi.ipc.internal.tcp;

/**
 * What a {@link TcpClientTransport} needs; {@code key} is this instance's key K(inst) (see {@link Hmac#instanceKey})
 * and is never logged; {@code tls} null: plain TCP.
 */
public record ClientSettings(String host, int port, String applicationId, String instanceId, byte[] key,
        int maxFrameBytes, int outboundQueueSize, long heartbeatMillis, long heartbeatTimeoutMillis,
        long callTimeoutMillis, long maxBackoffMillis, TlsSettings tls) {

    /** Plain TCP. */
    public ClientSettings(String host, int port, String applicationId, String instanceId, byte[] key,
            int maxFrameBytes, int outboundQueueSize, long heartbeatMillis, long heartbeatTimeoutMillis,
            long callTimeoutMillis, long maxBackoffMillis) {
        this(host, port, applicationId, instanceId, key, maxFrameBytes, outboundQueueSize, heartbeatMillis,
                heartbeatTimeoutMillis, callTimeoutMillis, maxBackoffMillis, null);
    }

    /** The same settings with TLS ({@code null}: plain TCP). */
    public ClientSettings withTls(TlsSettings with) {
        return new ClientSettings(host, port, applicationId, instanceId, key, maxFrameBytes, outboundQueueSize,
                heartbeatMillis, heartbeatTimeoutMillis, callTimeoutMillis, maxBackoffMillis, with);
    }

    @Override
    public String toString() {
        return "client " + instanceId + " -> " + host + ":" + port + (tls == null ? "" : " over TLS")
                + " (application " + applicationId + ")";
    }
}
