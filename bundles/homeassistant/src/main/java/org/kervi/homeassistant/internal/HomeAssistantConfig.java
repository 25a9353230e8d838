package org.kervi.homeassistant.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kervi Home Assistant discovery",
        description = "Publishes the application's values and actions to Home Assistant through an MQTT broker"
                + " (MQTT discovery), one device per Kervi instance; commands from Home Assistant are checked like"
                + " dashboard writes")
public @interface HomeAssistantConfig {
    @AttributeDefinition(description = "The broker Home Assistant uses: tcp://host:1883, or ssl://host:8883 for TLS")
    String brokerUrl() default "tcp://127.0.0.1:1883";

    @AttributeDefinition(description = "MQTT user name; empty: connect without credentials", required = false)
    String username() default "";

    @AttributeDefinition(description = "MQTT password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(description = "PEM file of certificates to trust for ssl:// (a private CA or a self-signed"
            + " broker); empty: the JVM's trusted authorities", required = false)
    String trustedCertificates() default "";

    @AttributeDefinition(description = "Home Assistant's discovery prefix (its MQTT integration setting)")
    String discoveryPrefix() default "homeassistant";

    @AttributeDefinition(description = "Node id in the discovery topics (<prefix>/<component>/<node id>/<object>/config)"
            + " and in unique ids: one per application on a broker; letters, digits, _ and -")
    String nodeId() default "kervi";

    @AttributeDefinition(description = "Root of the state, command and availability topics")
    String statePrefix() default "kervi";

    @AttributeDefinition(description = "Ids exposed to Home Assistant: ids or globs (fan_controller.*, *.temp, *);"
            + " empty: nothing is exposed", required = false)
    String[] expose() default {};

    @AttributeDefinition(description = "Exposed ids Home Assistant may change or call (ids or globs); the others are"
            + " shown read-only and their commands refused", required = false)
    String[] commandIds() default {"*"};

    @AttributeDefinition(description = "Seconds an exposed id may be gone while its instance stays (or after its"
            + " instance came back) before its entity is removed from Home Assistant")
    int removalGraceSeconds() default 30;

    @AttributeDefinition(description = "MQTT client id; empty: kervi-ha-<node id>-<instance id>", required = false)
    String clientId() default "";
}
