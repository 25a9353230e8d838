package org.kervi.dashboard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kervi dashboard",
        description = "The web dashboard and its JSON API, served by Karaf's pax-web (Jetty)")
public @interface DashboardConfig {

    @AttributeDefinition(description = "Base path of the UI and the API (the API is at <path>/api)")
    String path() default "/kervi";

    @AttributeDefinition(description = "Title shown in the browser; empty: the application's name")
    String title() default "";

    @AttributeDefinition(description = "JAAS realm users log in with")
    String realm() default "karaf";

    @AttributeDefinition(description = "Role needed to log in at all; empty: any user of the realm")
    String viewRole() default "";

    @AttributeDefinition(description = "Role needed to write values and call actions; empty: any logged-in user")
    String writeRole() default "admin";

    @AttributeDefinition(description = "Minutes of inactivity after which a session ends")
    int sessionTimeoutMinutes() default 60;

    @AttributeDefinition(description = "Largest request body accepted, in bytes (larger: 413)")
    int maxBodyBytes() default 16384;

    @AttributeDefinition(description = "Milliseconds between ping events on the live stream")
    int heartbeatMillis() default 5000;

    @AttributeDefinition(description = "Changes kept per number value for charts (api/history)")
    int historyPoints() default 2000;

    @AttributeDefinition(description = "Most live streams open at once (more: 503)")
    int maxStreams() default 200;

    @AttributeDefinition(description = "Seconds to wait for a value write or an action call before answering 504")
    int requestTimeoutSeconds() default 30;
}
