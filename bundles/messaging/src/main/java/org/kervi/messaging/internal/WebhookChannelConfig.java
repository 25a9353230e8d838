package org.kervi.messaging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Kervi webhook channel",
        description = "Posts user-log entries as JSON to an HTTP(S) url, one configuration per channel")
public @interface WebhookChannelConfig {
    @AttributeDefinition(description = "The channel's id, shown by kervi:channels and used by kervi:channel-test")
    String id() default "";

    @AttributeDefinition(description = "Where to POST, https://… (http only to this machine when a secret is set)")
    String url() default "";

    @AttributeDefinition(description = "Header that carries the secret", required = false)
    String secretHeader() default "X-Kervi-Secret";

    @AttributeDefinition(description = "Shared secret sent in secretHeader (prefer secretFile); empty: none",
            type = AttributeType.PASSWORD, required = false)
    String secret() default "";

    @AttributeDefinition(description = "File whose first line is the secret", required = false)
    String secretFile() default "";

    @AttributeDefinition(description = "PEM file of certificates to trust for https; empty: the JVM's trusted"
            + " authorities", required = false)
    String trustedCertificates() default "";

    @AttributeDefinition(description = "Lowest level sent", options = {@Option(label = "info", value = "INFO"),
            @Option(label = "warning", value = "WARNING"), @Option(label = "error", value = "ERROR")})
    String minLevel() default "WARNING";

    @AttributeDefinition(description = "Only entries about these ids (an id, or a prefix ending in *: fan.*);"
            + " empty: all", required = false)
    String[] sources() default {};

    @AttributeDefinition(description = "Most messages per window; more entries are held back and reported in one"
            + " summary message when the window ends")
    int maxMessages() default 10;

    @AttributeDefinition(description = "Rate-limit window in seconds")
    int perSeconds() default 60;

    @AttributeDefinition(description = "Connect and response timeout in seconds")
    int timeoutSeconds() default 10;
}
