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

    @AttributeDefinition(description = "Most live streams open at once (more: 503 with Retry-After)")
    int maxStreams() default 200;

    @AttributeDefinition(description = "Most live streams one user may have open at once (more: 503)")
    int maxStreamsPerUser() default 20;

    @AttributeDefinition(description = "Most live streams one client address may have open at once (more: 503)")
    int maxStreamsPerAddress() default 40;

    @AttributeDefinition(description = "Host names (or addresses) the dashboard answers to besides loopback and "
            + "this machine's own addresses; other Host headers get 421 (DNS rebinding). '*' allows any (unsafe)")
    String[] allowedHosts() default {};

    @AttributeDefinition(description = "Failed logins per account and per address before logins from there wait")
    int loginFreeAttempts() default 5;

    @AttributeDefinition(description = "Seconds of the first wait after the free attempts; it doubles with each "
            + "further failure")
    int loginDelaySeconds() default 1;

    @AttributeDefinition(description = "Failed logins per account or address after which it is locked out")
    int loginLockoutAttempts() default 20;

    @AttributeDefinition(description = "Minutes a lockout lasts (and after which failures are forgotten)")
    int loginLockoutMinutes() default 15;

    @AttributeDefinition(description = "Seconds to wait for a value write or an action call before answering 504")
    int requestTimeoutSeconds() default 30;
}
