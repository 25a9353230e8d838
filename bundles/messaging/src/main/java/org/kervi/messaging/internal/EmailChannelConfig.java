package org.kervi.messaging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Kervi email channel",
        description = "Sends user-log entries by email over SMTP (STARTTLS or SMTPS), one configuration per channel")
public @interface EmailChannelConfig {
    @AttributeDefinition(description = "The channel's id, shown by kervi:channels and used by kervi:channel-test")
    String id() default "";

    @AttributeDefinition(description = "SMTP server host name (checked against its certificate)")
    String host() default "";

    @AttributeDefinition(description = "SMTP port; 0: 587 for starttls, 465 for smtps, 25 for none")
    int port() default 0;

    @AttributeDefinition(description = "Transport security", options = {
            @Option(label = "STARTTLS (required, port 587)", value = "starttls"),
            @Option(label = "SMTPS, TLS from the first byte (port 465)", value = "smtps"),
            @Option(label = "None: a local relay only; refused with credentials", value = "none")})
    String security() default "starttls";

    @AttributeDefinition(description = "PEM file of certificates to trust (a private CA or a self-signed server);"
            + " empty: the JVM's trusted authorities", required = false)
    String trustedCertificates() default "";

    @AttributeDefinition(description = "SMTP user name; empty: no authentication", required = false)
    String username() default "";

    @AttributeDefinition(description = "SMTP password (prefer passwordFile)", type = AttributeType.PASSWORD,
            required = false)
    String password() default "";

    @AttributeDefinition(description = "File whose first line is the SMTP password (readable by Karaf only)",
            required = false)
    String passwordFile() default "";

    @AttributeDefinition(description = "Sender address")
    String from() default "";

    @AttributeDefinition(description = "Recipient addresses")
    String[] to() default {};

    @AttributeDefinition(description = "Text before every subject", required = false)
    String subjectPrefix() default "[kervi]";

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

    @AttributeDefinition(description = "Connect, read and write timeout in seconds")
    int timeoutSeconds() default 20;
}
