package org.kervi.app.internal;

import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.karaf.features.BootFinished;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;

/** Registers {@link ModuleBooted} when the boot features are in, whichever way this instance booted. */
@Component(immediate = true)
public final class ModuleBootWatch {
    private final BundleContext context;
    private ServiceRegistration<ModuleBooted> booted;
    private ServiceTracker<BootFinished, BootFinished> bootFinished;
    private FrameworkListener started;

    @Activate
    public ModuleBootWatch(BundleContext context) {
        this.context = context;
        if (Files.isRegularFile(Paths.get(System.getProperty("karaf.data", "data"), PreparationBoot.MARK))
                && !Boolean.getBoolean(PreparationBoot.PROPERTY)) {
            started = event -> {
                if (event.getType() == FrameworkEvent.STARTED) {
                    offer();
                }
            };
            context.addFrameworkListener(started);
            if (frameworkStarted()) {
                offer();
            }
        } else {
            bootFinished = new ServiceTracker<>(context, BootFinished.class, null) {
                @Override
                public BootFinished addingService(org.osgi.framework.ServiceReference<BootFinished> reference) {
                    offer();
                    return super.addingService(reference);
                }
            };
            bootFinished.open();
        }
    }

    private boolean frameworkStarted() {
        int beginning = Integer.parseInt(context.getProperty("org.osgi.framework.startlevel.beginning") == null
                ? "1" : context.getProperty("org.osgi.framework.startlevel.beginning").trim());
        return context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel() >= beginning;
    }

    private synchronized void offer() {
        if (booted == null) {
            booted = context.registerService(ModuleBooted.class, new ModuleBooted() {}, null);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (started != null) {
            context.removeFrameworkListener(started);
        }
        if (bootFinished != null) {
            bootFinished.close();
        }
        if (booted != null) {
            try {
                booted.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            booted = null;
        }
    }
}
