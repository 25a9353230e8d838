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

    @AttributeDefinition(name = "Transport", description = "What links the instances: tcp (the embedded hub of the"
            + " root, default) or mqtt (an MQTT 5 broker, settings in pid org.kervi.ipc.mqtt, feature kervi-ipc-mqtt)."
            + " Another installed transport is named the same way", options = {
                @Option(value = "tcp", label = "TCP hub"), @Option(value = "mqtt", label = "MQTT 5 broker")})
    String transport() default "tcp";

    @AttributeDefinition(name = "Hub host", description = "Where clients connect to")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Hub port", min = "1", max = "65535")
    int port() default 9500;

    @AttributeDefinition(name = "Bind address", description = "Where the hub listens (role hub); 0.0.0.0 for a LAN")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(name = "Master secret", type = AttributeType.PASSWORD, required = false,
            description = "The application's master secret: the hub (role hub) derives every instance's key from it;"
                    + " a client configured with it derives its own. Empty reads or creates the secret file. Not used"
                    + " when an instance key (or instance key file) is set")
    String secret() default "";

    @AttributeDefinition(name = "Secret file", description = "The master secret's file, used when the secret and"
            + " the instance key settings are empty; created owner-only with a random secret if missing, so"
            + " instances on one host share it")
    String secretFile() default "${karaf.etc}/kervi.secret";

    @AttributeDefinition(name = "Instance key", type = AttributeType.PASSWORD, required = false,
            description = "Role client only: this instance's own key (kervi:instance-key <id> on the root prints it)."
                    + " It authenticates this instance id only and opens nothing else; when set, the master secret"
                    + " is neither needed nor read")
    String instanceKey() default "";

    @AttributeDefinition(name = "Instance key file", description = "Role client only: a file holding this"
            + " instance's key, used when the instance key is empty (module instances of an application get"
            + " ${karaf.etc}/kervi.instance.key written by the root); empty = not used")
    String instanceKeyFile() default "";

    @AttributeDefinition(name = "Handshake frame limit (bytes)", description = "Role hub: the largest frame a"
            + " connection may send before it is authenticated; checked on the length prefix", min = "256")
    int maxHandshakeFrameBytes() default 1024;

    @AttributeDefinition(name = "Handshake timeout (ms)", description = "Role hub: a connection that has not"
            + " authenticated within this time is closed", min = "100")
    long handshakeTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Connections in the handshake", description = "Role hub: at most this many"
            + " connections may be authenticating at once; further ones are closed at once", min = "1")
    int maxPendingHandshakes() default 32;

    @AttributeDefinition(name = "TLS", description = "Carry the links between machines inside TLS 1.3: the hub"
            + " (role hub) presents the certificate of its key store, a client (role client) accepts only a hub whose"
            + " certificate is in its trust store. The hub's own instance stays in-JVM. Hub and clients must agree")
    boolean tls() default false;

    @AttributeDefinition(name = "TLS key store", required = false, description = "Role hub with tls: the PKCS12"
            + " file with the hub's key and certificate (keytool -genkeypair -storetype PKCS12)")
    String tlsKeyStore() default "${karaf.etc}/kervi-ipc-hub.p12";

    @AttributeDefinition(name = "TLS key store password", type = AttributeType.PASSWORD, required = false,
            description = "Role hub with tls: the key store's password (also the key's)")
    String tlsKeyStorePassword() default "";

    @AttributeDefinition(name = "TLS trust store", required = false, description = "Role client with tls: the"
            + " PKCS12 file holding the hub's certificate (keytool -importcert -storetype PKCS12)")
    String tlsTrustStore() default "${karaf.etc}/kervi-ipc-trust.p12";

    @AttributeDefinition(name = "TLS trust store password", type = AttributeType.PASSWORD, required = false,
            description = "Role client with tls: the trust store's password")
    String tlsTrustStorePassword() default "";

    @AttributeDefinition(name = "TLS hostname check", description = "Role client with tls: also require that the"
            + " hub's certificate names the configured host (a subject alternative name, keytool -ext"
            + " SAN=dns:NAME,ip:ADDRESS). Off: any certificate of the trust store is accepted")
    boolean tlsVerifyHostname() default false;

    @AttributeDefinition(name = "Application id", description = "Only instances of the same application connect")
    String applicationId() default "kervi";

    @AttributeDefinition(name = "Heartbeat (ms)", min = "10")
    long heartbeatMillis() default 1000;

    @AttributeDefinition(name = "Heartbeat timeout (ms)", description = "A peer silent this long is gone",
            min = "50")
    long heartbeatTimeoutMillis() default 3000;

    @AttributeDefinition(name = "Maximum frame size (bytes)", min = "1024", description = "Larger frames are refused"
            + " and the connection closed; after the handshake at least 16384 (a batch of value events) is accepted")
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
