package org.kervi.app.internal;

import org.kervi.api.runtime.ModuleState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.instance.core.InstanceService;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionService;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.runtime.Lifecycle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the application in the root instance: every module in its own Karaf child instance, started, watched and
 * restarted with backoff; {@code app_main} once every module reported ready (or the startup timeout passed);
 * {@code app_exit} before the modules stop. All state changes happen on one thread.
 */
@Component(service = Modules.class, configurationPid = "org.kervi.app",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = AppConfig.class)
public final class ApplicationSupervisor implements Modules {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationSupervisor.class);
    private final ActionService actions;
    private final Lifecycle lifecycle;
    private final ChildInstanceFactory factory;
    private final BundleContext context;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kervi-app");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ModuleProcess> modules = new LinkedHashMap<>();
    private volatile AppConfig config;
    private AppStatus status;
    private ServiceRegistration<KerviComponent> statusRegistration;
    private long startupDeadlineMillis;
    private boolean appMainCalled;

    @Activate
    public ApplicationSupervisor(@Reference InstanceService instances, @Reference ActionService actions,
            @Reference Lifecycle lifecycle, @Reference FeaturesService features,
            @Reference org.osgi.service.cm.ConfigurationAdmin configAdmin, BundleContext context, AppConfig config,
            Map<String, Object> properties) {
        this.actions = actions;
        this.lifecycle = lifecycle;
        this.context = context;
        this.config = config;
        Path workDir = context.getDataFile("modules").toPath();
        this.factory = new ChildInstanceFactory(new ChildInstances(instances, workDir), features, configAdmin);
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        thread.execute(() -> apply(config, copy));
        thread.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
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
            if (next == null || next.spec() == null || !next.spec().equals(current.spec)) {
                LOG.info("Module '{}' removed or changed: stopping its instance", name);
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
        if (status != null) {
            status.module(p.name, p.state.key(), p.restarts);
        }
    }

    // ---- module life ---------------------------------------------------------------------------------

    private void launch(ModuleProcess p) {
        long now = System.currentTimeMillis();
        try {
            p.instance = factory.create(p.spec, config, now);
            p.instance.start(null);
            p.state = ModuleState.STARTING;
            p.error = "";
            p.startedAtMillis = now;
            p.startRequested = false;
            LOG.info("Module '{}' starting in instance '{}' (features {})", p.name, p.instance.getName(),
                    p.spec.features());
        } catch (Exception e) {
            p.instance = factory.find(p.name);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!(e instanceof IllegalArgumentException || e instanceof java.io.IOException)) {
                LOG.warn("Module '{}': unexpected failure while starting", p.name, e);
            }
            fail(p, "could not start: " + message, now);
        }
        showState(p);
    }

    private void fail(ModuleProcess p, String reason, long now) {
        p.state = ModuleState.FAILED;
        p.error = reason;
        p.nextAttemptMillis = now + p.backoffSeconds * 1000L;
        LOG.error("Module '{}' {}; next attempt in {} s", p.name, reason, p.backoffSeconds);
        p.backoffSeconds = Math.min(p.backoffSeconds * 2, config.maxRestartBackoffSeconds());
    }

    private void tick() {
        try {
            long now = System.currentTimeMillis();
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
            case STARTING, RUNNING -> {
                if (!ChildInstances.alive(p.instance) && now - p.startedAtMillis > 3_000) {
                    p.restarts++;
                    p.state = ModuleState.RESTARTING;
                    p.error = "instance process exited (restart " + p.restarts + ")";
                    p.nextAttemptMillis = now + p.backoffSeconds * 1000L;
                    LOG.warn("Module '{}': its instance process exited; restart {} in {} s", p.name, p.restarts,
                            p.backoffSeconds);
                    p.backoffSeconds = Math.min(p.backoffSeconds * 2, config.maxRestartBackoffSeconds());
                } else if (p.state == ModuleState.STARTING) {
                    awaitReport(p, now);
                } else if (now - p.runningSinceMillis > 60_000) {
                    p.backoffSeconds = 1;
                }
            }
            case RESTARTING, FAILED -> {
                if (now >= p.nextAttemptMillis) {
                    if (p.instance != null) {
                        ChildInstances.kill(p.instance, 5);
                    }
                    launch(p);
                }
            }
            default -> {
            }
        }
    }

    private void awaitReport(ModuleProcess p, long now) {
        if (!p.startRequested && actions.action(p.startActionId()).isPresent()) {
            p.startRequested = true;
            actions.call(p.startActionId()).whenComplete((result, error) -> thread.execute(() -> {
                if (error == null && p.state == ModuleState.STARTING) {
                    p.state = ModuleState.RUNNING;
                    p.runningSinceMillis = System.currentTimeMillis();
                    p.error = "";
                    LOG.info("Module '{}' running (pid {})", p.name, ChildInstances.pid(p.instance));
                } else if (error != null) {
                    p.startRequested = false;
                    LOG.warn("Module '{}' did not start: {}", p.name, error.getMessage());
                }
                showState(p);
            }));
        } else if (now - p.startedAtMillis > config.startupTimeoutSeconds() * 1000L) {
            ChildInstances.kill(p.instance, 5);
            fail(p, "did not report ready within " + config.startupTimeoutSeconds() + " s (see the log in"
                    + " instances/" + p.name + "/data/log/karaf.log)", now);
        }
    }

    private boolean allReported() {
        return modules.values().stream().allMatch(p -> p.state == ModuleState.RUNNING
                || p.state == ModuleState.INVALID);
    }

    private void startApplication() {
        appMainCalled = true;
        lifecycle.markReady();
        modules.values().stream().filter(p -> p.state != ModuleState.RUNNING && p.state != ModuleState.INVALID)
                .forEach(p -> LOG.error("Module '{}' is not ready ({}); app_main runs without it", p.name, p.state.key()));
        if (status != null) {
            status.state("running");
        }
        call("app_main", 30);
    }

    private void exitApplication() {
        if (status != null) {
            status.state("stopping");
        }
        if (appMainCalled) {
            call("app_exit", config.exitTimeoutSeconds());
        }
        modules.values().forEach(this::stopProcess);
        if (statusRegistration != null) {
            statusRegistration.unregister();
            statusRegistration = null;
        }
    }

    private void call(String actionId, int timeoutSeconds) {
        try {
            Object result = actions.call(actionId, List.of(), java.time.Duration.ofSeconds(timeoutSeconds))
                    .get(timeoutSeconds + 1L, TimeUnit.SECONDS);
            LOG.info("{} returned {}", actionId, result);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ActionException ae && ae.error() == ActionError.UNKNOWN_ID) {
                LOG.info("No {} action: the application has no code of its own to run", actionId);
            } else {
                LOG.error("{} failed: {}", actionId, e.getCause() == null ? e : e.getCause().getMessage());
            }
        } catch (Exception e) {
            LOG.error("{} did not finish: {}", actionId, e.toString());
        }
    }

    private void stopProcess(ModuleProcess p) {
        if (p.instance != null) {
            try {
                ChildInstances.stop(p.instance, 10);
            } catch (Exception e) {
                LOG.warn("Stopping module '{}' failed: {}", p.name, e.toString());
            }
        }
        if (p.state != ModuleState.INVALID) {
            p.state = ModuleState.STOPPED;
        }
        showState(p);
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
    public void start(String name) {
        onThread(() -> {
            ModuleProcess p = module(name);
            if (p.state == ModuleState.STOPPED || p.state == ModuleState.FAILED) {
                p.backoffSeconds = 1;
                launch(p);
            }
            return null;
        });
    }

    @Override
    public void stop(String name) {
        onThread(() -> {
            stopProcess(module(name));
            return null;
        });
    }

    @Override
    public void restart(String name) {
        onThread(() -> {
            ModuleProcess p = module(name);
            stopProcess(p);
            p.backoffSeconds = 1;
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
