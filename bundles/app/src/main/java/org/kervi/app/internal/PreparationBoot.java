package org.kervi.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.karaf.features.BootFinished;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first boot of a new module instance ({@value #PROPERTY}{@code =true}, see {@link PreparedChildHome}): once
 * its boot features are in, it leaves a mark in its data folder and stops the framework, so that the module's boot
 * starts from a bundle cache whose features are already resolved. Elsewhere it does nothing.
 */
@Component(immediate = true)
public final class PreparationBoot {
    /** The system property that marks the preparing boot. */
    static final String PROPERTY = "kervi.module.prepare";
    /** Left in {@code karaf.data} once the boot features are in. */
    static final String MARK = "kervi-prepared";
    private static final long STOP_TIMEOUT_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(PreparationBoot.class);

    /**
     * Bundles a module instance needs only to install features: stopped persistently before the prepared instance
     * stops, so that the module's boot does not start them: Karaf's features service (JAXB for its processing
     * rules, about 420 classes) and pax-url's Maven resolver (its settings, about 400). {@link ModuleBootWatch}
     * tells the module agent when that boot is done instead. A {@code feature:*} command in the module instance
     * needs {@code bundle:start} of them first. In this order: the features service tracks pax-url's handler and
     * stops itself when it goes, which a second stop then trips over.
     */
    static final List<String> ONLY_FOR_INSTALLING = List.of("org.apache.karaf.features.core",
            "org.ops4j.pax.url.mvn");

    private static void stopForGood(BundleContext context) {
        for (String name : ONLY_FOR_INSTALLING) {
            for (Bundle bundle : context.getBundles()) {
                if (name.equals(bundle.getSymbolicName())) {
                    try {
                        bundle.stop();
                    } catch (BundleException | IllegalStateException e) {
                        LOG.warn("Could not stop {} in the prepared instance: {}", name, e.toString());
                    }
                }
            }
        }
    }

    @Activate
    public PreparationBoot(@Reference BootFinished bootFinished, BundleContext context) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        Path data = Paths.get(System.getProperty("karaf.data", "data"));
        try {
            Files.writeString(data.resolve(MARK), "features installed\n");
        } catch (IOException e) {
            LOG.warn("Could not leave the preparation mark in {}: {}", data, e.toString());
        }
        LOG.info("Module instance prepared (boot features installed); stopping until the module's boot");
        Thread stop = new Thread(() -> {
            try {
                stopForGood(context);
                Framework framework = (Framework) context.getBundle(0);
                framework.stop();
                framework.waitForStop(STOP_TIMEOUT_MILLIS);
            } catch (BundleException | IllegalStateException | ClassCastException e) {
                LOG.error("Could not stop the prepared instance cleanly; ending the JVM", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // the framework has written its cache: Karaf's launcher would take seconds more to let the JVM go
            Runtime.getRuntime().halt(0);
        }, "kervi-prepared-stop");
        stop.setDaemon(true);
        stop.start();
    }
}
