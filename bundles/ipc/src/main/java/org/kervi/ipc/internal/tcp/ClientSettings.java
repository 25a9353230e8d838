package org.kervi.ipc.internal.tcp;

/** What a {@link TcpClientTransport} needs; the secret is never logged. */
public record ClientSettings(String host, int port, String applicationId, String instanceId, byte[] secret,
        int maxFrameBytes, int outboundQueueSize, long heartbeatMillis, long heartbeatTimeoutMillis,
        long callTimeoutMillis, long maxBackoffMillis) {

    @Override
    public String toString() {
        return "client " + instanceId + " -> " + host + ":" + port + " (application " + applicationId + ")";
    }
}
