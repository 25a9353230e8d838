package org.kervi.app.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.Lifecycle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.kervi.api.status.IpcStatus;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module side of an application, in a module instance. Registered once the instance's boot features are in
 * (so its components are too), it reports ready by offering the action {@code module.<name>.start}, which the
 * application calls to start the components, and answers the application's heartbeat {@code module.<name>.ping}. It shuts the instance down when the application stays out of reach
 * longer than the grace period, so no module JVM outlives its application.
 */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.module",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ModuleConfig.class)
public final class ModuleAgent extends KerviComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleAgent.class);
    private final Lifecycle lifecycle;
    private final KerviRegistry registry;
    private final BundleContext context;
    private final ModuleConfig config;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kervi-module-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final long activatedAtMillis = System.currentTimeMillis();
    /** The process that spawned this instance (the root, when the application spawned it). */
    private final java.util.Optional<ProcessHandle> spawner = ProcessHandle.current().parent();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IpcStatus ipc;
    private volatile long lastContactMillis;

    @Activate
    public ModuleAgent(@Reference ModuleBooted booted, @Reference Lifecycle lifecycle,
            @Reference KerviRegistry registry, BundleContext context, ModuleConfig config) {
        super("module." + config.name(), "Module " + config.name());
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.context = context;
        this.config = config;
        if (config.hubGraceSeconds() > 0) {
            watchdog.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
        }
    }

    static String startActionId(String moduleName) {
        return "module." + moduleName + ".start";
    }

    static String pingActionId(String moduleName) {
        return "module." + moduleName + ".ping";
    }

    @Deactivate
    void deactivate() {
        watchdog.shutdownNow();
    }

    /** Starts this module's components; called by the application once it is ready for them. */
    @Action(name = "Start module")
    public String start() {
        lastContactMillis = System.currentTimeMillis();
        lifecycle.markReady();
        return "module " + config.name() + " started";
    }

    /**
     * The application's heartbeat: answering it proves this instance's IPC link, its action dispatch and its
     * threads are alive, which a live process alone does not. Returns this JVM's pid.
     */
    @Action(name = "Heartbeat", concurrency = ActionConcurrency.PARALLEL)
    public long ping() {
        lastContactMillis = System.currentTimeMillis();
        return ProcessHandle.current().pid();
    }

    private void check() {
        long now = System.currentTimeMillis();
        boolean appVisible = registry.value(AppStatus.STATE_ID).map(e -> !e.local()).orElse(false);
        if (appVisible) {
            lastContactMillis = now;
            return;
        }
        long graceMillis = (brokerOutage() ? Math.max(config.hubGraceSeconds(), config.brokerOutageGraceSeconds())
                : config.hubGraceSeconds()) * 1000L;
        boolean lost = lastContactMillis > 0 ? now - lastContactMillis > graceMillis
                : now - activatedAtMillis > Math.max(graceMillis, config.firstContactSeconds() * 1000L);
        if (lost) {
            LOG.error("Module '{}': the application '{}' has been out of reach for more than {} s; shutting this"
                    + " instance down", config.name(), config.appId(), graceMillis / 1000);
            watchdog.shutdown();
            Thread shutdown = new Thread(this::shutDown, "kervi-module-shutdown");
            shutdown.setDaemon(true);
            shutdown.start();
        }
    }

    /**
     * This instance cannot reach its broker while the process that spawned it still runs: the application is out of
     * sight because the broker is, not because it ended. (Over the TCP hub the link is the root itself.)
     */
    private boolean brokerOutage() {
        return BrokerReach.lost(ipc) && spawner.map(ProcessHandle::isAlive).orElse(false);
    }

    /** Stops the framework; if the JVM is still there after the grace period, ends it anyway. */
    private void shutDown() {
        try {
            context.getBundle(0).stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.error("Could not stop the framework; ending the JVM", e);
        }
        try {
            Thread.sleep(Math.max(10, config.hubGraceSeconds()) * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(1);
    }
}
