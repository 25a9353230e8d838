package org.kervi.api.status;

import java.util.List;

/**
 * What a transport sees: whether it is linked, where to, the instances it knows (itself included) and the
 * traffic of its own link.
 */
public record TransportStatus(boolean connected, String endpoint, List<InstanceInfo> instances, long framesIn,
        long framesOut, long bytesIn, long bytesOut, long valuesCoalesced) {

    public TransportStatus {
        instances = List.copyOf(instances);
    }

    /**
     * One instance and the ids it owns. {@code lastSeenMillis} is the epoch time of the last frame from it, or 0
     * when this view cannot tell; counters are -1 when unknown. {@code host} is the machine it runs on as the
     * transport knows it (the name the instance announced, or the address it connected from); empty when unknown.
     */
    public record InstanceInfo(String instanceId, List<String> ids, long lastSeenMillis, long framesIn,
            long framesOut, long bytesIn, long bytesOut, long valuesCoalesced, String host) {
        public InstanceInfo {
            ids = List.copyOf(ids);
            host = host == null ? "" : host;
        }

        /** An instance whose host this view does not know. */
        public InstanceInfo(String instanceId, List<String> ids, long lastSeenMillis, long framesIn, long framesOut,
                long bytesIn, long bytesOut, long valuesCoalesced) {
            this(instanceId, ids, lastSeenMillis, framesIn, framesOut, bytesIn, bytesOut, valuesCoalesced, "");
        }
    }
}
