package org.kervi.app.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.FeaturesService.Option;

/**
 * Installs shared modules' features into the root instance and takes them out again, without refreshing any other
 * bundle. Only the features a module brought are taken out (not those the root had already): what a module brought
 * is kept in a file per module, so it is known after a restart of the root too.
 */
final class SharedFeatures {
    private static final EnumSet<Option> NO_REFRESH = EnumSet.of(Option.NoAutoRefreshBundles);
    private final FeaturesService features;
    private final Path records;

    SharedFeatures(FeaturesService features, Path records) {
        this.features = features;
        this.records = records;
    }

    /** Refuses a feature the root does not know, with the reason the shell shows. */
    void requireKnown(List<String> names) throws Exception {
        for (String name : names) {
            known(name);
        }
    }

    private Feature known(String name) throws Exception {
        Feature feature = features.getFeature(name);
        if (feature == null) {
            throw new IllegalArgumentException("unknown feature '" + name + "' (feature:list shows the features"
                    + " known to the root instance)");
        }
        return feature;
    }

    synchronized void install(String module, List<String> names) throws Exception {
        Set<String> brought = brought(module);
        for (String name : names) {
            if (!features.isRequired(known(name))) {
                brought.add(name);
            }
        }
        Files.createDirectories(records);
        Files.write(record(module), brought, StandardCharsets.UTF_8);
        features.installFeatures(new LinkedHashSet<>(names), NO_REFRESH);
    }

    /** Takes out what the module brought into the root, if anything. */
    synchronized void uninstall(String module) throws Exception {
        if (!Files.exists(record(module))) {
            return;
        }
        Set<String> required = new LinkedHashSet<>();
        for (String name : brought(module)) {
            Feature feature = features.getFeature(name);
            if (feature != null && features.isRequired(feature)) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            features.uninstallFeatures(required, NO_REFRESH);
        }
        Files.deleteIfExists(record(module));
    }

    private Set<String> brought(String module) throws IOException {
        Path record = record(module);
        Set<String> brought = new LinkedHashSet<>();
        if (Files.isReadable(record)) {
            Files.readAllLines(record, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(brought::add);
        }
        return brought;
    }

    private Path record(String module) {
        return records.resolve(module + ".features");
    }
}
