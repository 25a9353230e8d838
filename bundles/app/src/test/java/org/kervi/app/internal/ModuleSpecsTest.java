package org.kervi.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleSpecsTest {

    @Test
    void readsModulesWithFeaturesOptionsAndPorts() {
        List<ModuleSpecs.Parsed> parsed = ModuleSpecs.parse(new String[] {"sensors", "controllers"}, Map.of(
                "module.sensors.features", "kervi-example-sensors, extra",
                "module.sensors.javaOpts", "-Xmx80m",
                "module.controllers.features", new String[] {"kervi-example-controllers"},
                "module.controllers.sshPort", "8199"), "-Xmx64m");
        assertEquals(new ModuleSpec("sensors", List.of("kervi-example-sensors", "extra"), "-Xmx80m", false, 0),
                parsed.get(0).spec());
        assertEquals(new ModuleSpec("controllers", List.of("kervi-example-controllers"), "-Xmx64m", true, 8199),
                parsed.get(1).spec());
    }

    @Test
    void sshIsOffUnlessAskedForPerModuleOrForAll() {
        Map<String, String> properties = Map.of("module.a.features", "f", "module.b.features", "f",
                "module.b.ssh", "true");
        List<ModuleSpecs.Parsed> off = ModuleSpecs.parse(new String[] {"a", "b"}, properties, "");
        assertEquals(false, off.get(0).spec().ssh());
        assertEquals(true, off.get(1).spec().ssh());
        assertEquals(true, ModuleSpecs.parse(new String[] {"a"}, properties, "", true).get(0).spec().ssh());
    }

    @Test
    void acceptsACommaSeparatedListInOneEntryAndIgnoresDuplicates() {
        List<ModuleSpecs.Parsed> parsed = ModuleSpecs.parse(new String[] {"a, b", "a"}, Map.of(
                "module.a.features", "fa", "module.b.features", "fb"), "");
        assertEquals(List.of("a", "b"), parsed.stream().map(ModuleSpecs.Parsed::name).toList());
    }

    @Test
    void aTypoInTheModuleListIsReportedWithTheModuleAndOthersStillParse() {
        List<ModuleSpecs.Parsed> parsed = ModuleSpecs.parse(new String[] {"sensors", "controlers"}, Map.of(
                "module.sensors.features", "kervi-example-sensors",
                "module.controllers.features", "kervi-example-controllers"), "");
        assertNull(parsed.get(0).error());
        assertNull(parsed.get(1).spec());
        assertEquals("module 'controlers' has no features: set module.controlers.features (is the name in"
                + " 'modules' spelled as in the module.<name>.* keys?)", parsed.get(1).error());
    }

    @Test
    void badPortAndBadNameAreReported() {
        List<ModuleSpecs.Parsed> parsed = ModuleSpecs.parse(new String[] {"m", "bad name", "x.y"}, Map.of(
                "module.m.features", "f", "module.m.sshPort", "99999"), "");
        assertEquals("module.m.sshPort must be a port number, got '99999'", parsed.get(0).error());
        assertEquals("module name 'bad name' is not valid: use letters, digits, _ - :", parsed.get(1).error());
        assertEquals("module name 'x.y' is not valid: use letters, digits, _ - :", parsed.get(2).error());
    }

    @Test
    void isolationIsProcessUnlessSharedIsAskedForAndAWrongWordIsReported() {
        List<ModuleSpecs.Parsed> parsed = ModuleSpecs.parse(new String[] {"a", "b", "c"}, Map.of(
                "module.a.features", "f", "module.b.features", "f", "module.b.isolation", " Shared ",
                "module.c.features", "f", "module.c.isolation", "thread"), "");
        assertEquals(Isolation.PROCESS, parsed.get(0).spec().isolation());
        assertEquals(Isolation.SHARED, parsed.get(1).spec().isolation());
        assertNull(parsed.get(2).spec());
        assertEquals("module.c.isolation: 'thread' is not an isolation: use one of process, shared",
                parsed.get(2).error());
    }
}
