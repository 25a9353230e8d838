package org.kervi.ipc.internal.tcp;

/**
 * What a {@link TcpClientTransport} needs; {@code key} is this instance's key K(inst) (see {@link Hmac#instanceKey})
 * and is never logged.
 */
public record ClientSettings(String host, int port, String applicationId, String instanceId, byte[] key,
        int maxFrameBytes, int outboundQueueSize, long heartbeatMillis, long heartbeatTimeoutMillis,
        long callTimeoutMillis, long maxBackoffMillis) {

    @Override
    public String toString() {
        return "client " + instanceId + " -> " + host + ":" + port + " (application " + applicationId + ")";
    }
}
