package org.kervi.app.internal;

import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.FeaturesService.Option;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second half of a make-before-break move, in a module instance that booted without its module (while the
 * module still ran in the root): installs the module's features, and only then writes {@code org.kervi.module}, so
 * the {@link ModuleAgent} reports ready with the module's components in place. Installs without refreshing the
 * runtime's bundles: the instance's IPC link stays up.
 */
@Component(configurationPid = "org.kervi.module.handover", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = HandoverConfig.class)
public final class ModuleHandover {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleHandover.class);
    private final Thread installer;

    @Activate
    public ModuleHandover(@Reference BootFinished bootFinished, @Reference FeaturesService features,
            @Reference ConfigurationAdmin configAdmin, HandoverConfig config) {
        installer = new Thread(() -> install(features, configAdmin, config), "kervi-module-handover");
        installer.setDaemon(true);
        installer.start();
    }

    @Deactivate
    void deactivate() {
        installer.interrupt();
    }

    private static void install(FeaturesService features, ConfigurationAdmin configAdmin, HandoverConfig config) {
        long started = System.nanoTime();
        try {
            features.installFeatures(new LinkedHashSet<>(List.of(config.features())),
                    EnumSet.of(Option.NoAutoRefreshBundles));
            Dictionary<String, Object> module = new Hashtable<>();
            module.put("name", config.name());
            module.put("appId", config.appId());
            module.put("hubGraceSeconds", config.hubGraceSeconds());
            Configuration configuration = configAdmin.getConfiguration("org.kervi.module", "?");
            configuration.update(module);
            LOG.info("Module '{}' handed over: features {} installed in {} ms", config.name(),
                    List.of(config.features()), (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            // the application sees no report and restarts the module the ordinary way after its startup timeout
            LOG.error("Module '{}': its features {} could not be installed: {}", config.name(),
                    List.of(config.features()), e.getMessage(), e);
        }
    }
}
