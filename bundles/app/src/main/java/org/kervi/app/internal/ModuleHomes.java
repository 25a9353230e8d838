package org.kervi.app.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.karaf.instance.core.Instance;
import org.osgi.framework.BundleContext;

/** Starts a module where its {@link Isolation} says: a child instance of its own, or the root instance. */
final class ModuleHomes {
    private final ChildInstanceFactory children;
    private final SharedFeatures shared;
    private final BundleContext context;
    private final ExecutorService installer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kervi-app-shared-install");
        t.setDaemon(true);
        return t;
    });

    /** First boots of new module instances ({@link PreparedChildHome}), one thread per module being prepared. */
    private final ExecutorService preparations = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kervi-app-prepare-instance");
        t.setDaemon(true);
        return t;
    });

    ModuleHomes(ChildInstanceFactory children, SharedFeatures shared, BundleContext context) {
        this.children = children;
        this.shared = shared;
        this.context = context;
    }

    /**
     * @param reuse boot the module's existing instance again (its bundle cache holds its installed features: a
     *     warm boot), when there is one and its JVM has ended; otherwise a new instance
     */
    ModuleHome start(ModuleSpec spec, AppConfig app, long now, boolean reuse) throws Exception {
        if (spec.isolation() == Isolation.SHARED) {
            shared.requireKnown(spec.features());
            return new SharedHome(spec.name(), spec.features(), shared, context, installer);
        }
        // shared before the root last stopped, and configured to run in its own instance since
        shared.uninstall(spec.name());
        Instance existing = reuse ? children.find(spec.name()) : null;
        if (existing != null && !ChildInstances.alive(existing) && ChildInstanceFactory.linked(existing)) {
            existing.start(null);
            return new ChildHome(existing, spec.ssh());
        }
        if (app.prepareModuleInstances()) {
            ChildInstanceFactory.Unlinked unlinked = children.createUnlinked(spec, app);
            Instance instance = unlinked.instance();
            return new PreparedChildHome(instance, spec.ssh(), unlinked.deferred(), instance.getJavaOpts())
                    .start(preparations, app.startupTimeoutSeconds());
        }
        Instance instance = children.create(spec, app, now);
        ModuleHome home = new ChildHome(instance, spec.ssh());
        instance.start(null);
        return home;
    }

    /**
     * A child instance for a module that runs shared now, booting its runtime without the module (the first half of
     * a make-before-break move); {@link #handOver} brings the module in once it is up.
     */
    ChildHome startAhead(ModuleSpec spec, AppConfig app) throws Exception {
        Instance instance = children.createAhead(spec, app);
        ChildHome home = new ChildHome(instance, spec.ssh());
        instance.start(null);
        return home;
    }

    /** The second half of the move: the module has left the root; its instance installs it now. */
    void handOver(ChildHome home, ModuleSpec spec, AppConfig app) throws java.io.IOException {
        children.handOver(home.instance(), spec, app);
    }

    /** What a failed start left behind (a half-made child instance), or null. */
    ModuleHome leftover(ModuleSpec spec) {
        if (spec.isolation() == Isolation.SHARED) {
            return null;
        }
        Instance instance = children.find(spec.name());
        return instance == null ? null : new ChildHome(instance, spec.ssh());
    }

    void close() {
        installer.shutdownNow();
        preparations.shutdownNow();
    }
}
