package org.kervi.ipc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = "org.kervi.ipc", name = "Kervi IPC",
        description = "Links this Karaf instance with the other instances of a Kervi application")
public @interface IpcConfig {

    @AttributeDefinition(name = "Role", description = "hub: run the hub here and connect to it; client: connect"
            + " to a hub; off: no IPC", options = {@Option(value = "hub", label = "Hub and client"),
                @Option(value = "client", label = "Client"), @Option(value = "off", label = "Off")})
    String role() default "client";

    @AttributeDefinition(name = "Hub host", description = "Where clients connect to")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Hub port", min = "1", max = "65535")
    int port() default 9500;

    @AttributeDefinition(name = "Bind address", description = "Where the hub listens (role hub); 0.0.0.0 for a LAN")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(name = "Shared secret", type = AttributeType.PASSWORD, required = false,
            description = "Authenticates instances (HMAC-SHA256 challenge); empty reads or creates the secret file")
    String secret() default "";

    @AttributeDefinition(name = "Secret file", description = "Used when the secret is empty; created with a random"
            + " secret if missing, so instances on one host share it")
    String secretFile() default "${karaf.etc}/kervi.secret";

    @AttributeDefinition(name = "Application id", description = "Only instances of the same application connect")
    String applicationId() default "kervi";

    @AttributeDefinition(name = "Heartbeat (ms)", min = "10")
    long heartbeatMillis() default 1000;

    @AttributeDefinition(name = "Heartbeat timeout (ms)", description = "A peer silent this long is gone",
            min = "50")
    long heartbeatTimeoutMillis() default 3000;

    @AttributeDefinition(name = "Maximum frame size (bytes)", min = "1024")
    int maxFrameBytes() default 1024 * 1024;

    @AttributeDefinition(name = "Outbound queue size", description = "Control frames queued per connection before"
            + " calls are refused as OVERLOADED (value events are coalesced per id instead)", min = "16")
    int outboundQueueSize() default 10_000;

    @AttributeDefinition(name = "Default call timeout (ms)", min = "1")
    long callTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "Ids per instance", description = "Values and actions one instance other than the"
            + " root may register at the hub (role hub); 0 = unlimited", min = "0")
    int maxIdsPerInstance() default 10_000;

    @AttributeDefinition(name = "Pending calls per instance", description = "Calls and writes of one instance other"
            + " than the root awaiting a reply at the hub; beyond it a call fails at once with OVERLOADED (role hub);"
            + " 0 = unlimited", min = "0")
    int maxPendingCallsPerInstance() default 1_000;

    @AttributeDefinition(name = "Value events per second per instance", description = "Beyond it the events of an"
            + " instance other than the root are coalesced per id, the latest delivered every heartbeat (role hub);"
            + " 0 = unlimited", min = "0")
    int maxValueEventsPerSecond() default 50_000;

    @AttributeDefinition(name = "Id reservation (s)", description = "How long the ids of a disconnected instance"
            + " stay reserved for it (role hub); 0 = not reserved", min = "0")
    int idReservationSeconds() default 120;
}
