package org.kervi.ipc.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = "org.kervi.ipc.mqtt", name = "Kervi IPC over MQTT",
        description = "The MQTT 5 broker that links the instances when org.kervi.ipc has transport = mqtt. The"
                + " application id (org.kervi.ipc applicationId) is the second level of every topic")
public @interface MqttConfig {

    @AttributeDefinition(name = "Broker URL", description = "tcp://host:1883, or ssl://host:8883 for TLS")
    String brokerUrl() default "tcp://127.0.0.1:1883";

    @AttributeDefinition(name = "User name", required = false, description = "Empty: connect anonymously")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "The broker user's password; empty: read passwordFile (if set)")
    String password() default "";

    @AttributeDefinition(name = "Password file", required = false, description = "A file holding the password,"
            + " used when the password is empty; empty = not used")
    String passwordFile() default "";

    @AttributeDefinition(name = "Topic prefix", description = "First level of every topic: <prefix>/<application"
            + " id>/...; several applications share one broker under one prefix")
    String topicPrefix() default "kervi";

    @AttributeDefinition(name = "Keep-alive (s)", description = "The broker declares an instance gone (last will)"
            + " after 1.5 times this without a packet from it", min = "1", max = "65535")
    int keepAliveSeconds() default 10;

    @AttributeDefinition(name = "Connect timeout (s)", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Longest reconnect backoff (ms)", description = "Reconnects start after 50 ms and"
            + " double up to this", min = "100")
    long reconnectMaxMillis() default 5000;

    @AttributeDefinition(name = "QoS of value events", description = "0: latest wins, a lost event is replaced by"
            + " the next one and the retained last value; 1: at least once", options = {
                @Option(value = "0", label = "0 (at most once)"), @Option(value = "1", label = "1 (at least once)")})
    int valueQos() default 0;

    @AttributeDefinition(name = "QoS of calls, writes and replies", description = "1: at least once; 2: exactly"
            + " once (slower). A call is never lost silently: without an answer it times out", options = {
                @Option(value = "1", label = "1 (at least once)"), @Option(value = "2", label = "2 (exactly once)")})
    int callQos() default 1;

    @AttributeDefinition(name = "Largest payload (bytes)", description = "Bigger messages are refused with a logged"
            + " reason, in and out", min = "1024")
    int maxPayloadBytes() default 256 * 1024;

    @AttributeDefinition(name = "Queue size", description = "Value events queued in order, in and out, before the"
            + " latest of each id replaces its queued event (latest wins); calls beyond it are OVERLOADED",
            min = "16")
    int queueSize() default 10_000;

    @AttributeDefinition(name = "TLS trust store", required = false, description = "ssl:// only: a PKCS12 file with"
            + " the certificate (or its CA) the broker must present; empty: the JVM's default trust store")
    String tlsTrustStore() default "";

    @AttributeDefinition(name = "TLS trust store password", type = AttributeType.PASSWORD, required = false)
    String tlsTrustStorePassword() default "";

    @AttributeDefinition(name = "TLS key store", required = false, description = "ssl:// with client certificates"
            + " (mosquitto require_certificate): a PKCS12 file with this instance's key and certificate")
    String tlsKeyStore() default "";

    @AttributeDefinition(name = "TLS key store password", type = AttributeType.PASSWORD, required = false)
    String tlsKeyStorePassword() default "";

    @AttributeDefinition(name = "TLS hostname check", description = "Require that the broker's certificate names"
            + " the host of the broker URL")
    boolean tlsVerifyHostname() default true;
}
