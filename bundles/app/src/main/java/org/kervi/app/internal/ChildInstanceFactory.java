package org.kervi.app.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.apache.karaf.instance.core.Instance;
import org.kervi.api.status.InstanceKeys;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Decides what a module instance boots and which configuration files it gets, then creates it. */
final class ChildInstanceFactory {
    /** The kervi:* commands, booted into a module instance that has SSH (the runtime features have no shell). */
    static final String SHELL_FEATURE = "kervi-shell";
    private static final List<String> NOT_COPIED = List.of("service.pid", "service.factoryPid",
            "felix.fileinstall.filename", "service.bundleLocation", "component.name", "component.id",
            "secret", "secretFile", "instanceKey", "instanceKeyFile", "tlsKeyStore", "tlsKeyStorePassword",
            "tlsTrustStorePassword");
    /** The hub's public certificate, written by the IPC hub (role hub, tls on) into the root's etc. */
    static final String HUB_CERTIFICATE = "kervi-ipc-hub.crt";
    /** Where a module instance finds its own IPC key: the master secret never leaves the root. */
    static final String INSTANCE_KEY_FILE = "etc/kervi.instance.key";
    /** The module agent's configuration: what makes a module instance report to the application. */
    private static final String MODULE_FILE = "etc/org.kervi.module.cfg";
    private static final String HANDOVER_FILE_NAME = "org.kervi.module.handover.cfg";
    /** Read by the instance's {@link ModuleHandover}. */
    static final String HANDOVER_FILE = "etc/" + HANDOVER_FILE_NAME;

    private final ChildInstances instances;
    private final FeaturesService features;
    private final ConfigurationAdmin configAdmin;
    private final KeyIssuer keys;
    private final BrokerLink broker;

    /** The root's {@link InstanceKeys}, waiting a bounded time for the IPC bundle to offer it. */
    interface KeyIssuer {
        InstanceKeys await() throws InterruptedException;
    }

    ChildInstanceFactory(ChildInstances instances, FeaturesService features, ConfigurationAdmin configAdmin,
            KeyIssuer keys) {
        this.instances = instances;
        this.features = features;
        this.configAdmin = configAdmin;
        this.keys = keys;
        this.broker = new BrokerLink(configAdmin);
    }

    Instance find(String name) {
        return instances.find(name);
    }

    Instance create(ModuleSpec spec, AppConfig app, long now) throws Exception {
        return create(spec, app, true, false).instance();
    }

    /**
     * The module's instance with everything but what links it to the application (its IPC or broker settings and
     * the module agent's configuration): booted like that, it installs its features and joins nothing; {@link
     * ChildInstances#write} of the {@link Unlinked#deferred} files then makes it the module's.
     */
    Unlinked createUnlinked(ModuleSpec spec, AppConfig app) throws Exception {
        return create(spec, app, true, true);
    }

    /** Whether the instance was made the module's (not one whose preparation was cut short, nor a move's). */
    static boolean linked(Instance instance) {
        return Files.isRegularFile(Paths.get(instance.getLocation()).resolve(MODULE_FILE));
    }

    /** A new module instance and the files it gets once it has been prepared. */
    record Unlinked(Instance instance, Map<String, String> deferred) {}

    /**
     * The module's instance without the module: its runtime boots while the module still runs elsewhere; {@link
     * #handOver} brings the module in.
     */
    Instance createAhead(ModuleSpec spec, AppConfig app) throws Exception {
        return create(spec, app, false, false).instance();
    }

    /** Tells a module instance made by {@link #createAhead} to install the module now. */
    void handOver(Instance instance, ModuleSpec spec, AppConfig app) throws IOException {
        String text = "features = " + String.join(",", spec.features()) + "\n" + moduleConfig(spec, app);
        Path target = Paths.get(instance.getLocation()).resolve(HANDOVER_FILE);
        Path staged = target.resolveSibling(HANDOVER_FILE_NAME + ".tmp");
        Files.writeString(staged, text, StandardCharsets.UTF_8);
        // one rename: the instance's file watcher never reads half a file
        Files.move(staged, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private Unlinked create(ModuleSpec spec, AppConfig app, boolean withModule, boolean deferLink) throws Exception {
        for (String feature : spec.features()) {
            if (features.getFeature(feature) == null) {
                throw new IllegalArgumentException("unknown feature '" + feature + "' (feature:list shows the"
                        + " features known to the root instance)");
            }
        }
        List<String> boot = new ArrayList<>();
        if (spec.ssh()) {
            boot.add("ssh");
            boot.add(SHELL_FEATURE);
        }
        for (String entry : app.moduleRuntimeFeatures()) {
            for (String feature : entry.split(",")) {
                if (!feature.isBlank() && !boot.contains(feature.trim())) {
                    boot.add(feature.trim());
                }
            }
        }
        boolean overBroker = broker.selected();
        if (overBroker && !boot.contains(BrokerLink.MQTT_FEATURE)) {
            boot.add(BrokerLink.MQTT_FEATURE);
        }
        if (withModule) {
            spec.features().stream().filter(f -> !boot.contains(f)).forEach(boot::add);
        }
        InstanceKeys issuer = null;
        if (!overBroker) {
            issuer = keys.await();
            if (issuer == null) {
                throw new IllegalStateException("no instance key can be issued for module '" + spec.name() + "':"
                        + " this instance runs no IPC hub with the master secret (org.kervi.ipc role=hub;"
                        + " kervi:instances shows its state)");
            }
        }
        Map<String, String> link = overBroker ? broker.files() : Map.of("etc/org.kervi.ipc.cfg", ipcClientConfig());
        Map<String, String> deferred = new LinkedHashMap<>();
        if (deferLink) {
            deferred.putAll(link);
            if (withModule) {
                deferred.put(MODULE_FILE, moduleConfig(spec, app));
            }
        }
        Map<String, String> now = files(spec, app, withModule && !deferLink, deferLink ? Map.of() : link);
        Instance created = instances.create(spec, featureRepositories(), boot, now);
        if (issuer != null) {
            issuer.writeInstanceKeyFile(spec.name(), Paths.get(created.getLocation()).resolve(INSTANCE_KEY_FILE));
        }
        return new Unlinked(created, deferred);
    }

    /** The root's repositories, except those with auto-installing features (a demo's deploy/ file, say). */
    private List<String> featureRepositories() throws Exception {
        List<String> uris = new ArrayList<>();
        for (Repository repository : features.listRepositories()) {
            boolean autoInstalls = false;
            for (Feature f : repository.getFeatures()) {
                autoInstalls |= "auto".equals(f.getInstall());
            }
            if (!autoInstalls) {
                uris.add(repository.getURI().toString());
            }
        }
        return uris;
    }

    /** @param link the module's IPC configuration files: the hub's client settings, or the broker's */
    private Map<String, String> files(ModuleSpec spec, AppConfig app, boolean withModule, Map<String, String> link)
            throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("etc/org.kervi.core.cfg", "instanceId = " + spec.name() + "\nreadyOnStart = false\n");
        if (withModule) {
            files.put(MODULE_FILE, moduleConfig(spec, app));
        }
        files.putAll(link);
        // the root's users (hashed) and their encryption: an operator may SSH into a module instance
        Path users = Paths.get(System.getProperty("karaf.etc", "etc"), "users.properties");
        if (Files.isReadable(users)) {
            files.put("etc/users.properties", Files.readString(users, StandardCharsets.UTF_8));
        }
        Path jaas = Paths.get(System.getProperty("karaf.etc", "etc"), "org.apache.karaf.jaas.cfg");
        if (Files.isReadable(jaas)) {
            files.put("etc/org.apache.karaf.jaas.cfg", Files.readString(jaas, StandardCharsets.ISO_8859_1));
        }
        // the root's bounded log rolling, not Karaf's template
        Path logging = Paths.get(System.getProperty("karaf.etc", "etc"), "org.ops4j.pax.logging.cfg");
        if (Files.isReadable(logging)) {
            files.put("etc/org.ops4j.pax.logging.cfg", Files.readString(logging, StandardCharsets.ISO_8859_1));
        }
        Path maven = Paths.get(System.getProperty("karaf.etc", "etc"), "org.ops4j.pax.url.mvn.cfg");
        files.put(ChildMavenRepositories.PID_FILE, ChildMavenRepositories.config(
                Files.isReadable(maven) ? Files.readString(maven, StandardCharsets.ISO_8859_1) : "",
                Paths.get(System.getProperty("karaf.data", "data"))));
        return files;
    }

    private static String moduleConfig(ModuleSpec spec, AppConfig app) {
        return "name = " + spec.name() + "\nappId = " + app.appId() + "\nhubGraceSeconds = " + app.hubGraceSeconds()
                + "\n";
    }

    /**
     * The root's IPC settings as a client's: same hub, role client, and — instead of the master secret — the file
     * with the module's own key.
     */
    private String ipcClientConfig() throws IOException {
        Map<String, Object> settings = new LinkedHashMap<>();
        Configuration root = configAdmin.getConfiguration("org.kervi.ipc", null);
        Dictionary<String, Object> properties = root.getProperties();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                if (!NOT_COPIED.contains(key)) {
                    settings.put(key, properties.get(key));
                }
            }
        }
        settings.put("role", "client");
        settings.put("instanceKeyFile", "${karaf.etc}/kervi.instance.key");
        if (Boolean.parseBoolean(String.valueOf(settings.get("tls")))) {
            // same machine: trust the hub's own certificate, whatever names it carries
            settings.put("tlsTrustStore", Path.of(System.getProperty("karaf.etc", "etc"), HUB_CERTIFICATE)
                    .toAbsolutePath().toString());
            settings.put("tlsVerifyHostname", "false");
        }
        StringBuilder text = new StringBuilder("# written by the application for this module instance\n");
        settings.forEach((key, value) -> text.append(key).append(" = ").append(escape(String.valueOf(value)))
                .append('\n'));
        return text.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
