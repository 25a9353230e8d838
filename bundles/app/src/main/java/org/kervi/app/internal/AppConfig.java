package org.kervi.app.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.kervi.app", name = "Kervi application",
        description = "The application in the root instance: its modules each run in a Karaf child instance."
                + " Per module: module.<name>.features (comma separated, required), module.<name>.javaOpts,"
                + " module.<name>.sshPort, module.<name>.isolation (process: a child instance of its own, the"
                + " default; shared: in this root instance, which saves a JVM but shares its fate).")
public @interface AppConfig {

    @AttributeDefinition(name = "Application id")
    String appId() default "kervi";

    @AttributeDefinition(name = "Application name")
    String name() default "Kervi application";

    @AttributeDefinition(name = "Modules", description = "Module names; each runs in a child instance of that name")
    String[] modules() default {};

    @AttributeDefinition(name = "Module JVM options", description = "JVM options of module instances that set none:"
            + " a small, long-running process (serial GC, a small young generation and a heap given back when"
            + " free, C1 only, bounded metaspace and code cache); docs/operators.md, Memory per Pi model")
    String moduleJavaOpts() default "-Xms16m -Xmx64m -Xmn8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25"
            + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xss256k -XX:MaxMetaspaceSize=96m"
            + " -XX:ReservedCodeCacheSize=32m";

    @AttributeDefinition(name = "Module runtime features", description = "What every module instance boots before"
            + " the module's own features: the runtime (kervi-ipc as a client of this hub, kervi-app for the module"
            + " agent, the user log: kervi-module-runtime); a module instance with SSH boots kervi-shell as well")
    String[] moduleRuntimeFeatures() default {"kervi-module-runtime"};

    @AttributeDefinition(name = "Prepare module instances", description = "Boot a new module instance once to"
            + " install its features, stop it, then boot it again from the prepared bundle cache for the module,"
            + " without Karaf's features service and Maven resolver: about 20 MiB less per module JVM for its whole"
            + " life, for a second (warm) boot at each new instance. Off: one boot, a heavier JVM")
    boolean prepareModuleInstances() default true;

    @AttributeDefinition(name = "SSH in module instances", description = "Boot an SSH server (127.0.0.1, free port)"
            + " in every module instance, for instance:connect; costs about 10 MiB per instance. Per module:"
            + " module.<name>.ssh = true, or module.<name>.sshPort")
    boolean moduleSsh() default false;

    @AttributeDefinition(name = "Startup timeout (s)", description = "How long app_main waits for modules to report"
            + " ready; modules not ready by then are reported as failed and app_main runs without them")
    int startupTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Heartbeat (s)", description = "How often the application asks each running module"
            + " to answer (an IPC round trip to the module's agent): a live process is not enough")
    int heartbeatSeconds() default 2;

    @AttributeDefinition(name = "Unresponsive after (s)", description = "A running module that has not answered for"
            + " this long is shown as unresponsive, and the app code is told it is lost")
    int unresponsiveAfterSeconds() default 6;

    @AttributeDefinition(name = "Unresponsive grace (s)", description = "A module that has not answered for this long"
            + " is killed and restarted")
    int unresponsiveGraceSeconds() default 20;

    @AttributeDefinition(name = "Crash loop after (failures)", description = "Failures in a row, each before the"
            + " module ran for the stable period, after which it is shown as crash-looping (restarts go on with a"
            + " growing back-off)")
    int crashLoopFailures() default 3;

    @AttributeDefinition(name = "Stable after (s)", description = "A module running this long has its back-off and"
            + " failure count reset")
    int stableAfterSeconds() default 60;

    @AttributeDefinition(name = "Longest restart backoff (s)")
    int maxRestartBackoffSeconds() default 30;

    @AttributeDefinition(name = "app_exit timeout (s)")
    int exitTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Hub grace period (s)", description = "A module instance that has lost the"
            + " application for this long shuts itself down")
    int hubGraceSeconds() default 10;
}
