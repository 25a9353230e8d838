package org.kervi.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.status.InstanceKeys;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.instance.core.InstanceService;
import org.kervi.api.actions.ActionService;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.history.ValueHistory;
import org.kervi.api.runtime.ApplicationCode;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.Lifecycle;
import org.kervi.api.runtime.ModuleState;
import org.kervi.api.status.ModuleExit;
import org.kervi.api.status.ApplicationModules;
import org.kervi.api.status.ModuleStatus;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the application in the root instance: every module in its own Karaf child instance (or, when configured
 * {@code shared}, in the root itself: {@link ModuleHomes}), started, watched and restarted with back-off; the app code ({@link ApplicationCode} services, or Kervi's {@code app_main} action)
 * once every module reported ready (or the startup timeout passed), told of each module lost and ready again;
 * {@code app_exit} before the modules stop. A module is watched by its process and by a heartbeat over IPC, so a
 * frozen module is found too. All state changes happen on one thread.
 */
@Component(service = ApplicationModules.class, configurationPid = "org.kervi.app",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = AppConfig.class)
public final class ApplicationSupervisor implements ApplicationModules {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationSupervisor.class);
    private static final int LOG_LINES_KEPT = 30;
    private final ActionService actions;
    private final Lifecycle lifecycle;
    private final ModuleHomes homes;
    /** How long a module's start waits for the IPC bundle to offer instance keys (at boot it may come later). */
    private static final long KEY_ISSUER_WAIT_MILLIS = 30_000;
    private final ServiceTracker<InstanceKeys, InstanceKeys> instanceKeys;
    private final BundleContext context;
    private final AppCallbacks callbacks;
    private final PersistedValues persisted;
    private final AppUserLog userLog = new AppUserLog();
    private final Path workDir;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kervi-app");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ModuleProcess> modules = new LinkedHashMap<>();
    private final Map<String, ModuleMove> moves = new LinkedHashMap<>();
    private volatile AppConfig config;
    private AppStatus status;
    private ServiceRegistration<KerviComponent> statusRegistration;
    private long startupDeadlineMillis;
    private boolean appMainCalled;
    private boolean exiting;

    @Activate
    public ApplicationSupervisor(@Reference InstanceService instances, @Reference ActionService actions,
            @Reference Lifecycle lifecycle, @Reference FeaturesService features, @Reference KerviRegistry registry,
            @Reference org.osgi.service.cm.ConfigurationAdmin configAdmin, BundleContext context, AppConfig config,
            Map<String, Object> properties) {
        this.actions = actions;
        this.lifecycle = lifecycle;
        this.context = context;
        this.config = config;
        this.callbacks = new AppCallbacks(actions);
        this.persisted = new PersistedValues(registry);
        this.workDir = context.getDataFile("modules").toPath();
        this.instanceKeys = new ServiceTracker<>(context, InstanceKeys.class, null);
        instanceKeys.open();
        ChildInstanceFactory factory = new ChildInstanceFactory(new ChildInstances(instances, workDir), features,
                configAdmin, () -> instanceKeys.waitForService(KEY_ISSUER_WAIT_MILLIS));
        this.homes = new ModuleHomes(factory, new SharedFeatures(features, workDir.resolve("shared")), context);
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        thread.execute(() -> apply(config, copy));
        thread.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** This instance's IPC link: over a broker, a lost broker is not a silent module. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.kervi.api.status.IpcStatus ipc;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addApplicationCode(ApplicationCode code) {
        callbacks.add(code);
    }

    void removeApplicationCode(ApplicationCode code) {
        callbacks.remove(code);
    }

    /** The value history ({@code kervi-history}), when installed: where persisted values outlive the root. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindHistory(ValueHistory history) {
        persisted.useHistory(history);
    }

    void unbindHistory(ValueHistory history) {
        persisted.noHistory(history);
    }

    /** The user log ({@code kervi-automation}), when installed: module states and app_main / app_exit go there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindUserLog(UserLog log) {
        userLog.use(log);
    }

    void unbindUserLog(UserLog log) {
        userLog.gone(log);
    }

    @Modified
    void modified(AppConfig newConfig, Map<String, Object> properties) {
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        thread.execute(() -> apply(newConfig, copy));
    }

    @Deactivate
    void deactivate() {
        try {
            thread.submit(this::exitApplication).get(config.exitTimeoutSeconds() + 60L, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("Stopping the application failed", e);
        } finally {
            thread.shutdownNow();
            homes.close();
            instanceKeys.close();
            callbacks.close();
            persisted.close();
        }
    }

    // ---- configuration -------------------------------------------------------------------------------

    private void apply(AppConfig newConfig, Map<String, Object> properties) {
        config = newConfig;
        List<ModuleSpecs.Parsed> parsed = ModuleSpecs.parse(newConfig.modules(), properties,
                newConfig.moduleJavaOpts(), newConfig.moduleSsh());
        Map<String, ModuleSpecs.Parsed> wanted = new LinkedHashMap<>();
        parsed.forEach(p -> wanted.put(p.name(), p));
        for (String name : new ArrayList<>(modules.keySet())) {
            ModuleProcess current = modules.get(name);
            ModuleSpecs.Parsed next = wanted.get(name);
            ModuleMove move = moves.get(name);
            if (move != null && next != null && move.next().spec.equals(next.spec())) {
                continue; // the move under way is still what the configuration asks for
            }
            cancelMove(name);
            if (next != null && next.spec() != null && ModuleMove.aheadPossible(current, next.spec())
                    && beginMove(current, next.spec())) {
                continue;
            }
            if (next == null || next.spec() == null || !next.spec().equals(current.spec)) {
                LOG.info("Module '{}' removed or changed: stopping it in '{}'", name,
                        current.home == null ? "-" : current.home.where());
                stopProcess(current);
                modules.remove(name);
            }
        }
        for (ModuleSpecs.Parsed p : parsed) {
            if (!modules.containsKey(p.name())) {
                ModuleProcess process = new ModuleProcess(p.name(), p.spec(), p.error());
                modules.put(p.name(), process);
                if (process.state == ModuleState.INVALID) {
                    LOG.error("Module '{}' not started: {}", p.name(), p.error());
                } else {
                    launch(process);
                }
            }
        }
        if (!appMainCalled) {
            startupDeadlineMillis = System.currentTimeMillis() + newConfig.startupTimeoutSeconds() * 1000L;
        }
        publishStatus();
    }

    private void publishStatus() {
        if (statusRegistration != null) {
            statusRegistration.unregister();
        }
        status = new AppStatus(config.appId(), config.name(), new ArrayList<>(modules.keySet()));
        status.state(appMainCalled ? "running" : "starting");
        modules.values().forEach(this::showState);
        statusRegistration = context.registerService(KerviComponent.class, status, null);
    }

    private void showState(ModuleProcess p) {
        userLog.moduleState(p.name, p.state, p.restarts, p.error);
        if (status != null) {
            status.module(p.name, p.state, p.restarts);
        }
    }

    // ---- module life ---------------------------------------------------------------------------------

    private void launch(ModuleProcess p) {
        launch(p, false);
    }

    /** @param reuseInstance boot the module's existing instance again instead of a new one, when it has one */
    private void launch(ModuleProcess p, boolean reuseInstance) {
        long now = System.currentTimeMillis();
        try {
            p.home = homes.start(p.spec, config, now, reuseInstance);
            p.state = ModuleState.STARTING;
            p.error = "";
            p.startedAtMillis = now;
            p.runningSinceMillis = 0;
            p.startRequested = false;
            p.pingInFlight = false;
            LOG.info("Module '{}' starting in instance '{}' (features {})", p.name, p.home.where(),
                    p.spec.features());
        } catch (Exception e) {
            p.home = homes.leftover(p.spec);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!(e instanceof IllegalArgumentException || e instanceof java.io.IOException)) {
                LOG.warn("Module '{}': unexpected failure while starting", p.name, e);
            }
            p.state = ModuleState.FAILED;
            p.error = "could not start: " + message;
            p.nextAttemptMillis = now + p.backoffSeconds * 1000L;
            LOG.error("Module '{}' {}; next attempt in {} s", p.name, p.error, p.backoffSeconds);
            p.backoffSeconds = Math.min(p.backoffSeconds * 2, config.maxRestartBackoffSeconds());
        }
        showState(p);
    }

    /**
     * The module's instance ended, or was killed, against the application's will: keeps why and the last lines of
     * its log, tells the app code, and schedules a restart with back-off — as crash-looping when it failed again
     * and again before it ran for the stable period.
     */
    private void failed(ModuleProcess p, String reason, long now) {
        lost(p, ModuleState.RESTARTING);
        p.restarts++;
        p.quickFailures++;
        p.lastExit = exitRecord(p, reason, now);
        boolean looping = p.quickFailures >= config.crashLoopFailures();
        p.state = looping ? ModuleState.CRASH_LOOPING : ModuleState.RESTARTING;
        p.nextAttemptMillis = now + p.backoffSeconds * 1000L;
        p.error = reason + (looping ? " (" + p.quickFailures + " failures in a row)" : "") + "; restart "
                + p.restarts + " in " + p.backoffSeconds + " s";
        LOG.warn("Module '{}' {}", p.name, p.error);
        p.backoffSeconds = Math.min(p.backoffSeconds * 2, config.maxRestartBackoffSeconds());
    }

    private ModuleExit exitRecord(ModuleProcess p, String reason, long now) {
        String copy = "";
        List<String> lines = List.of();
        Path log = p.home == null ? null : p.home.log().orElse(null);
        if (log != null) {
            try {
                lines = LogTail.lastLines(log, LOG_LINES_KEPT);
                if (Files.isReadable(log)) {
                    Path kept = workDir.resolve(p.name + "-last-exit.log");
                    Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
                    copy = kept.toString();
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Module '{}': its log could not be kept", p.name, e);
            }
        }
        return new ModuleExit(reason, now, lines, copy);
    }

    /** A module that served stops serving: its values are no longer recorded, the app code is told once. */
    private void lost(ModuleProcess p, ModuleState why) {
        persisted.pause(p.name);
        if (p.announcedReady) {
            p.announcedReady = false;
            if (!exiting) {
                callbacks.moduleLost(p.name, why);
            }
        }
    }

    /**
     * A module serves (first report, or answering again): its persisted values back (a started module had them
     * before it started), then the app code told.
     */
    private void serving(ModuleProcess p, long now, boolean restored) {
        p.state = ModuleState.RUNNING;
        p.lastAnswerMillis = now;
        p.error = "";
        Object instance = p.home;
        CompletableFuture<Void> restoring = restored ? CompletableFuture.completedFuture(null)
                : persisted.restore(p.name);
        restoring.whenComplete((ignored, e) -> thread.execute(() -> {
            if (p.home == instance && p.state == ModuleState.RUNNING && appMainCalled && !p.announcedReady
                    && !exiting) {
                p.announcedReady = true;
                callbacks.moduleReady(p.name);
            }
        }));
    }

    private void tick() {
        try {
            long now = System.currentTimeMillis();
            new ArrayList<>(moves.values()).forEach(move -> advance(move, now));
            for (ModuleProcess p : modules.values()) {
                try {
                    supervise(p, now);
                } catch (RuntimeException e) {
                    LOG.error("Supervision of module '{}' failed", p.name, e);
                }
                showState(p);
            }
            if (!appMainCalled && (allReported() || now >= startupDeadlineMillis)) {
                startApplication();
            }
        } catch (RuntimeException e) {
            LOG.error("Supervision failed", e);
        }
    }

    private void supervise(ModuleProcess p, long now) {
        switch (p.state) {
            case STARTING, RUNNING, UNRESPONSIVE -> {
                if (!p.home.alive() && now - p.startedAtMillis > 3_000) {
                    failed(p, p.home.failure().isPresent() ? p.home.failure().get() : p.state == ModuleState.STARTING
                            ? "instance process exited " + seconds(now - p.startedAtMillis)
                                    + " after launch, before reporting ready"
                            : "instance process exited after running " + seconds(now - p.runningSinceMillis), now);
                } else if (p.state == ModuleState.STARTING) {
                    awaitReport(p, now);
                } else {
                    heartbeat(p, now);
                }
            }
            case RESTARTING, CRASH_LOOPING, FAILED -> {
                if (now >= p.nextAttemptMillis) {
                    // the first crash after a good run: the instance's prepared bundle cache boots it again (a
                    // warm boot); failures in a row get a new instance
                    boolean reuse = p.state == ModuleState.RESTARTING && p.quickFailures == 1 && p.home != null;
                    if (p.home != null) {
                        p.home.kill(5);
                    }
                    launch(p, reuse);
                }
            }
            default -> {
            }
        }
    }

    private void heartbeat(ModuleProcess p, long now) {
        if (BrokerReach.lost(ipc)) {
            // a module cannot answer through a broker this instance has lost: that time does not count
            p.lastAnswerMillis = Math.max(p.lastAnswerMillis, now - config.heartbeatSeconds() * 1000L);
            return;
        }
        long silentMillis = now - p.lastAnswerMillis;
        if (p.state == ModuleState.UNRESPONSIVE && silentMillis > config.unresponsiveGraceSeconds() * 1000L) {
            int pid = p.home.pid();
            p.home.kill(5);
            failed(p, "unresponsive: no heartbeat answer for " + seconds(silentMillis) + "; killed (pid " + pid + ")",
                    now);
            return;
        }
        if (p.state == ModuleState.RUNNING && silentMillis > config.unresponsiveAfterSeconds() * 1000L) {
            p.state = ModuleState.UNRESPONSIVE;
            p.error = "no heartbeat answer for " + seconds(silentMillis) + "; killed and restarted after "
                    + config.unresponsiveGraceSeconds() + " s";
            LOG.warn("Module '{}' is unresponsive: {}", p.name, p.error);
            lost(p, ModuleState.UNRESPONSIVE);
        }
        if (p.state == ModuleState.RUNNING && now - p.runningSinceMillis > config.stableAfterSeconds() * 1000L) {
            p.backoffSeconds = 1;
            p.quickFailures = 0;
        }
        if (!p.pingInFlight && now - p.lastPingMillis >= config.heartbeatSeconds() * 1000L) {
            p.pingInFlight = true;
            p.lastPingMillis = now;
            Object pinged = p.home;
            Duration timeout = Duration.ofSeconds(Math.max(1, config.unresponsiveAfterSeconds()));
            actions.call(p.pingActionId(), List.of(), timeout)
                    .whenComplete((result, error) -> thread.execute(() -> answered(p, pinged, error == null)));
        }
    }

    private void answered(ModuleProcess p, Object pinged, boolean answered) {
        if (p.home != pinged) {
            return;
        }
        p.pingInFlight = false;
        if (!answered) {
            return;
        }
        long now = System.currentTimeMillis();
        p.lastAnswerMillis = now;
        if (p.state == ModuleState.UNRESPONSIVE) {
            LOG.info("Module '{}' answers again", p.name);
            serving(p, now, false);
            showState(p);
        }
    }

    private void awaitReport(ModuleProcess p, long now) {
        if (!p.startRequested && actions.action(p.startActionId()).isPresent()) {
            p.startRequested = true;
            Object instance = p.home;
            // persisted values back while the module's components are registered but not started
            persisted.restore(p.name).thenCompose(restored -> {
                LOG.info("Module '{}' reported ready: starting its components", p.name);
                return actions.call(p.startActionId());
            }).whenComplete((result, error) -> thread.execute(() -> started(p, instance, error)));
        } else if (now - p.startedAtMillis > config.startupTimeoutSeconds() * 1000L) {
            p.home.kill(5);
            failed(p, "did not report ready within " + config.startupTimeoutSeconds() + " s", now);
        }
    }

    private void started(ModuleProcess p, Object instance, Throwable error) {
        if (p.home != instance) {
            return;
        }
        if (error == null && p.state == ModuleState.STARTING) {
            long at = System.currentTimeMillis();
            p.runningSinceMillis = at;
            serving(p, at, true);
            LOG.info("Module '{}' running in '{}' (pid {})", p.name, p.home.where(), p.home.pid());
        } else if (error != null) {
            p.startRequested = false;
            LOG.warn("Module '{}' did not start: {}", p.name, error.getMessage());
        }
        showState(p);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private boolean allReported() {
        return modules.values().stream().allMatch(p -> p.state == ModuleState.RUNNING
                || p.state == ModuleState.INVALID);
    }

    private void startApplication() {
        appMainCalled = true;
        persisted.restoreLocal();
        lifecycle.markReady();
        modules.values().stream().filter(p -> p.state != ModuleState.RUNNING && p.state != ModuleState.INVALID)
                .forEach(p -> LOG.error("Module '{}' is not ready ({}); app_main runs without it", p.name,
                        p.state.key()));
        modules.values().stream().filter(p -> p.state == ModuleState.RUNNING).forEach(p -> p.announcedReady = true);
        if (status != null) {
            status.state("running");
        }
        String name = config.name();
        callbacks.appMain().thenRun(() -> {
            userLog.appMain(name);
            String line = ReadyLine.text(name, context);
            LOG.info(line);
            System.out.println(line);
        });
    }

    private void exitApplication() {
        exiting = true;
        if (status != null) {
            status.state("stopping");
        }
        userLog.appExit(config.name());
        callbacks.appExit(Duration.ofSeconds(config.exitTimeoutSeconds()));
        new ArrayList<>(moves.keySet()).forEach(this::cancelMove);
        modules.values().forEach(this::stopProcess);
        if (statusRegistration != null) {
            statusRegistration.unregister();
            statusRegistration = null;
        }
    }

    private void stopProcess(ModuleProcess p) {
        lost(p, ModuleState.STOPPED);
        if (p.home != null) {
            try {
                p.home.stop(10);
            } catch (Exception e) {
                LOG.warn("Stopping module '{}' failed: {}", p.name, e.toString());
            }
        }
        if (p.state != ModuleState.INVALID) {
            p.state = ModuleState.STOPPED;
            p.error = "";
        }
        showState(p);
    }

    // ---- moving a shared module into its own instance, make-before-break ---------------------------------

    /** Boots the module's instance while the module runs on in the root; false if that could not even begin. */
    private boolean beginMove(ModuleProcess current, ModuleSpec wanted) {
        try {
            ChildHome child = homes.startAhead(wanted, config);
            moves.put(current.name, new ModuleMove(new ModuleProcess(current.name, wanted, null), child,
                    System.currentTimeMillis()));
            LOG.info("Module '{}' moves to instance '{}': booting it while the module runs on in '{}'", current.name,
                    child.where(), current.home.where());
            return true;
        } catch (Exception e) {
            LOG.warn("Module '{}': its instance could not be started ahead ({}); stopping it, then starting it there",
                    current.name, e.getMessage() == null ? e.toString() : e.getMessage());
            return false;
        }
    }

    /** Hands the module over once its instance is linked; moves it the ordinary way if that instance fails. */
    private void advance(ModuleMove move, long now) {
        String name = move.next().name;
        boolean died = !move.child().alive() && now - move.startedAtMillis() > 3_000;
        boolean late = now - move.startedAtMillis() > config.startupTimeoutSeconds() * 1000L;
        if (!died && !late && !linked(name)) {
            return;
        }
        moves.remove(name);
        ModuleProcess next = move.next();
        stopProcess(modules.get(name));
        modules.put(name, next);
        if (died || late) {
            LOG.warn("Module '{}': its instance {} while booting ahead; starting it again there", name,
                    died ? "exited" : "did not link within " + config.startupTimeoutSeconds() + " s");
            move.child().kill(5);
            launch(next);
            return;
        }
        try {
            homes.handOver(move.child(), next.spec, config);
        } catch (IOException e) {
            LOG.warn("Module '{}': could not hand it over to its instance ({}); starting it again there", name,
                    e.getMessage());
            move.child().kill(5);
            launch(next);
            return;
        }
        next.home = move.child();
        next.state = ModuleState.STARTING;
        next.startedAtMillis = now;
        LOG.info("Module '{}' handed over to instance '{}' (pid {}), which booted in {}", name,
                next.home.where(), next.home.pid(), seconds(now - move.startedAtMillis()));
        showState(next);
    }

    /** Whether the module's instance is linked to this one (it announced itself over IPC). */
    private boolean linked(String instanceId) {
        org.kervi.api.status.IpcStatus link = ipc;
        if (link == null) {
            return false;
        }
        List<org.kervi.api.status.TransportStatus.InstanceInfo> seen = new ArrayList<>(link.hubInstances());
        org.kervi.api.status.TransportStatus transport = link.transport();
        if (transport != null) {
            seen.addAll(transport.instances());
        }
        return seen.stream().anyMatch(i -> instanceId.equals(i.instanceId()));
    }

    /** Drops a move under way (its half-booted instance with it); the module stays where it runs. */
    private void cancelMove(String name) {
        ModuleMove move = moves.remove(name);
        if (move != null) {
            LOG.info("Module '{}': its move to instance '{}' is cancelled", name, move.child().where());
            move.child().kill(5);
        }
    }

    /** For a shell command on a moving module: the move ends, the module is the configured one, stopped. */
    private void settleMove(String name) {
        ModuleMove move = moves.remove(name);
        if (move != null) {
            move.child().kill(5);
            stopProcess(modules.get(name));
            modules.put(name, move.next());
            move.next().state = ModuleState.STOPPED;
            showState(move.next());
        }
    }

    // ---- shell -----------------------------------------------------------------------------------------

    @Override
    public List<ModuleStatus> modules() {
        return onThread(() -> {
            long now = System.currentTimeMillis();
            return modules.values().stream().map(p -> p.status(now)).toList();
        });
    }

    @Override
    public Map<String, Object> persistedValues(String name) {
        return onThread(() -> persisted.remembered(module(name).name));
    }

    @Override
    public void start(String name) {
        onThread(() -> {
            settleMove(name);
            ModuleProcess p = module(name);
            if (p.state == ModuleState.STOPPED || p.state == ModuleState.FAILED
                    || p.state == ModuleState.CRASH_LOOPING || p.state == ModuleState.RESTARTING) {
                p.backoffSeconds = 1;
                p.quickFailures = 0;
                launch(p);
            }
            return null;
        });
    }

    @Override
    public void stop(String name) {
        onThread(() -> {
            settleMove(name);
            stopProcess(module(name));
            return null;
        });
    }

    @Override
    public void restart(String name) {
        onThread(() -> {
            settleMove(name);
            ModuleProcess p = module(name);
            stopProcess(p);
            p.backoffSeconds = 1;
            p.quickFailures = 0;
            launch(p);
            return null;
        });
    }

    private ModuleProcess module(String name) {
        ModuleProcess p = modules.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown module '" + name + "'; modules are " + modules.keySet());
        }
        if (p.state == ModuleState.INVALID) {
            throw new IllegalArgumentException("module '" + name + "' is not valid: " + p.error);
        }
        return p;
    }

    private <T> T onThread(Callable<T> work) {
        try {
            return thread.submit(work).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("the application supervisor did not answer: " + e, e);
        }
    }
}
