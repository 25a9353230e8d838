package org.kervi.ipc.internal.tcp;

/** What a {@link TcpHub} needs; the secret is never logged. */
public record HubSettings(String bindAddress, int port, String applicationId, byte[] secret, int maxFrameBytes,
        int outboundQueueSize, long heartbeatMillis, long heartbeatTimeoutMillis) {

    @Override
    public String toString() {
        return "hub " + bindAddress + ":" + port + " (application " + applicationId + ")";
    }
}
