package org.kervi.app.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.kervi.api.components.KerviComponent;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A module in the root instance ({@link Isolation#SHARED}): its features installed there (in the background, so the
 * supervisor keeps watching the other modules meanwhile), then its {@link SharedModuleAgent} registered.
 */
final class SharedHome implements ModuleHome {
    private static final Logger LOG = LoggerFactory.getLogger(SharedHome.class);
    static final String WHERE = "root (shared)";
    private final String name;
    private final SharedFeatures features;
    private final BundleContext context;
    private final Future<?> installing;
    private volatile ServiceRegistration<KerviComponent> agent;
    private volatile String failure;
    private volatile boolean ended;

    SharedHome(String name, List<String> featureNames, SharedFeatures features, BundleContext context,
            ExecutorService installer) {
        this.name = name;
        this.features = features;
        this.context = context;
        this.installing = installer.submit(() -> install(featureNames));
    }

    private void install(List<String> featureNames) {
        try {
            long started = System.nanoTime();
            features.install(name, featureNames);
            if (!ended) {
                agent = context.registerService(KerviComponent.class, new SharedModuleAgent(name), null);
                LOG.info("Module '{}': features {} installed in the root instance in {} ms", name, featureNames,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (Exception e) {
            failure = "its features could not be installed in the root instance: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage());
            LOG.error("Module '{}': {}", name, failure, e instanceof IllegalArgumentException ? null : e);
        }
    }

    @Override
    public String where() {
        return WHERE;
    }

    @Override
    public int pid() {
        return alive() ? (int) ProcessHandle.current().pid() : 0;
    }

    @Override
    public boolean alive() {
        return failure == null && !ended;
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public int sshPort() {
        return 0;
    }

    /** Takes the module's components and features out of the root; other bundles are not refreshed. */
    @Override
    public void stop(int graceSeconds) {
        ended = true;
        try {
            installing.get(Math.max(1, graceSeconds), TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Module '{}': its installation did not end within {} s; taking it out anyway", name,
                    graceSeconds);
        }
        ServiceRegistration<KerviComponent> registered = agent;
        agent = null;
        if (registered != null) {
            try {
                registered.unregister();
            } catch (IllegalStateException e) {
                // the app bundle is stopping: gone already
            }
        }
        if (frameworkStopping()) {
            return; // the features stay; the root's next start finds them installed and takes the module back
        }
        try {
            features.uninstall(name);
        } catch (Exception e) {
            LOG.error("Module '{}': its features could not be taken out of the root instance: {}", name,
                    e.getMessage(), e);
        }
    }

    @Override
    public void kill(int waitSeconds) {
        stop(waitSeconds);
    }

    @Override
    public Optional<Path> log() {
        return Optional.empty();
    }

    private boolean frameworkStopping() {
        try {
            return context.getBundle(0).getState() == org.osgi.framework.Bundle.STOPPING;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
