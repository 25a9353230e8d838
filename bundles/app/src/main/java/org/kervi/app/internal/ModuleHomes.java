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

    ModuleHomes(ChildInstanceFactory children, SharedFeatures shared, BundleContext context) {
        this.children = children;
        this.shared = shared;
        this.context = context;
    }

    ModuleHome start(ModuleSpec spec, AppConfig app, long now) throws Exception {
        if (spec.isolation() == Isolation.SHARED) {
            shared.requireKnown(spec.features());
            return new SharedHome(spec.name(), spec.features(), shared, context, installer);
        }
        // shared before the root last stopped, and configured to run in its own instance since
        shared.uninstall(spec.name());
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
    }
}
