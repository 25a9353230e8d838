package org.kervi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.runtime.ComponentInfo;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.values.NumberValue;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** The distribution boots Kervi with every bundle active, configurable, and picking up components at runtime. */
public class DistributionBootIT extends KerviTestSupport {

    @Inject
    protected KerviRegistry registry;

    /** A component registered by the test itself, as a module bundle would. */
    static final class Probe extends KerviComponent {
        final NumberValue level;

        Probe(String componentId, String valueId) {
            super(componentId, componentId);
            level = addValue(new NumberValue(valueId, "Level").range(0, 10));
        }
    }

    @Test
    public void bootsWithEveryBundleActive() throws Exception {
        assertTrue(featuresService.isInstalled(featuresService.getFeature("kervi-core")));
        assertTrue(featuresService.isInstalled(featuresService.getFeature("kervi-shell")));
        List<String> notActive = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertEquals(List.of(), notActive);
    }

    @Inject
    protected MetaTypeService metaTypes;

    @Test
    public void moduleJarDroppedIntoDeployIsHotInstalledAndRemoved() throws Exception {
        Path home = Paths.get(System.getProperty("karaf.home"));
        Path jar;
        try (Stream<Path> files = Files.walk(home.resolve("system/org/kervi/kervi-example-controllers"))) {
            jar = files.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        Path deployed = Paths.get(System.getProperty("karaf.base")).resolve("deploy").resolve(jar.getFileName());
        Files.copy(jar, deployed);
        try {
            waitFor(Duration.ofSeconds(20), () -> registry.value("fan_controller.temp").isPresent());
            ComponentInfo controller = registry.components().stream().filter(c -> c.id().equals("fan_controller"))
                    .findFirst().orElseThrow(() -> new AssertionError("fan_controller.temp is registered but its"
                            + " component is not listed: " + registry.components()));
            assertEquals("controller", controller.type());
        } finally {
            Files.delete(deployed);
        }
        waitFor(Duration.ofSeconds(20), () -> registry.value("fan_controller.temp").isEmpty());
    }

    @Test
    public void corePidHasMetatype() {
        MetaTypeInformation info = metaTypes.getMetaTypeInformation(findBundle("org.kervi.core"));
        assertTrue(Arrays.asList(info.getPids()).contains("org.kervi.core"));
        List<String> attributes = new ArrayList<>();
        for (AttributeDefinition a : info.getObjectClassDefinition("org.kervi.core", null)
                .getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            attributes.add(a.getID());
        }
        assertTrue(attributes.toString(), attributes.containsAll(List.of("instanceId", "readyOnStart",
                "actionTimeoutMillis", "actionThreads", "actionQueue", "pollThreads")));
    }

    @Test
    public void componentsRegisteredAtRuntimeAppearAndDuplicatesAreRefusedWithTheReason() throws Exception {
        Probe first = new Probe("probe", "probe.level");
        ServiceRegistration<KerviComponent> a = bundleContext.registerService(KerviComponent.class, first, null);
        ServiceRegistration<KerviComponent> b = bundleContext.registerService(KerviComponent.class,
                new Probe("probe2", "probe.level"), null);
        try {
            waitFor(Duration.ofSeconds(10), () -> registry.components().size() >= 2);
            executeCommand("kervi:value-set probe.level 7");
            assertEquals(7.0, first.level.get(), 0);
            ComponentInfo refused = registry.components().stream().filter(c -> c.id().equals("probe2")).findFirst()
                    .orElseThrow();
            assertEquals("refused", refused.state());
            assertEquals("value id 'probe.level' is already owned by component 'probe' in instance 'root'",
                    refused.error());
            String table = executeCommand("kervi:components");
            assertTrue(table, table.contains("refused") && table.contains("already owned"));
        } finally {
            a.unregister();
            b.unregister();
        }
        waitFor(Duration.ofSeconds(10), () -> registry.components().isEmpty() && registry.values().isEmpty());
    }
}
