package org.kervi.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.karaf.features.BootFinished;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
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
    private static final Logger LOG = LoggerFactory.getLogger(PreparationBoot.class);

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
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.error("Could not stop the prepared instance; ending the JVM", e);
                Runtime.getRuntime().halt(0);
            }
        }, "kervi-prepared-stop");
        stop.setDaemon(true);
        stop.start();
    }
}
