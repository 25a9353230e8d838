package org.kervi.ipc.internal;

import java.util.EnumSet;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the feature {@code kervi-ipc-<name>} of a selected transport that is not there yet, so that an operator
 * only sets {@code transport = <name>}. Off the activation thread, without refreshing other bundles.
 */
final class TransportFeature {
    private static final Logger LOG = LoggerFactory.getLogger(TransportFeature.class);

    private TransportFeature() {}

    static String name(String transport) {
        return "kervi-ipc-" + transport;
    }

    /** Starts the install in the background; {@code failed} hears why it could not be done. */
    static void installLater(FeaturesService features, String transport, java.util.function.Consumer<String> failed) {
        Thread t = new Thread(() -> {
            String feature = name(transport);
            try {
                Feature[] known = features.getFeatures(feature);
                if (known == null || known.length == 0) {
                    failed.accept("transport '" + transport + "' selected but no feature " + feature
                            + " is known (feature:repo-add its repository, then feature:install " + feature + ")");
                    return;
                }
                if (features.isInstalled(known[0])) {
                    return;
                }
                LOG.info("Kervi IPC: installing feature {} for transport '{}'", feature, transport);
                features.installFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            } catch (Exception e) {
                LOG.error("Kervi IPC: feature {} could not be installed: {}", feature, e.getMessage());
                failed.accept("transport '" + transport + "' selected but feature " + feature
                        + " could not be installed: " + e.getMessage());
            }
        }, "kervi-ipc-install-" + transport);
        t.setDaemon(true);
        t.start();
    }
}
