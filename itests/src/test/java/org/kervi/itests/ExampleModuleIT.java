package org.kervi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.LinkInfo;
import org.kervi.api.runtime.ValueEntry;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * The spine's acceptance in one real Karaf: the example modules are installed and uninstalled at runtime as
 * features; their components, values, links and actions come and go through services and shell commands, and no
 * other bundle is refreshed or restarted.
 */
public class ExampleModuleIT extends KerviTestSupport {

    @Inject
    protected KerviRegistry registry;

    @Inject
    protected ActionService actions;

    @Test
    public void exampleModulesComeAndGoAtRuntimeWithoutDisturbingOtherBundles() throws Exception {
        Map<Long, String> before = bundleStates();
        List<String> events = new CopyOnWriteArrayList<>();
        BundleListener recorder = e -> {
            if (before.containsKey(e.getBundle().getBundleId())) {
                events.add(e.getBundle().getSymbolicName() + " " + typeOf(e.getType()));
            }
        };
        bundleContext.addBundleListener(recorder);
        try {
            controllerAppearsWithUnresolvedLink();
            shellDrivesInputsAndActions();
            badInputGetsClearErrors();
            sensorResolvesTheLinkAndValuesFlow();
            uninstallingTheSensorUnresolvesTheLink();
            uninstallFeature("kervi-example-controllers");
            waitFor(Duration.ofSeconds(10), () -> registry.value("fan_controller.temp").isEmpty());
            assertFalse(executeCommand("kervi:actions").contains("fan_controller.activate"));
        } finally {
            bundleContext.removeBundleListener(recorder);
        }

        assertEquals("bundle events of bundles that were there before the modules", List.of(), events);
        Map<Long, String> after = bundleStates();
        assertEquals("every other bundle kept its id and state", before, after);
    }

    private void controllerAppearsWithUnresolvedLink() throws Exception {
        installFeature("kervi-example-controllers");
        waitFor(Duration.ofSeconds(10), () -> registry.value("fan_controller.fan_speed").isPresent());
        String components = executeCommand("kervi:components");
        assertTrue(components, components.contains("fan_controller") && components.contains("controller"));
        String values = executeCommand("kervi:values");
        assertTrue(values, values.contains("fan_controller.temp") && values.contains("fan_controller.fan_speed"));
        assertTrue(actions.action("fan_controller.activate").isPresent());
        String actionList = executeCommand("kervi:actions");
        assertTrue(actionList, actionList.contains("fan_controller.activate") && actionList.contains("on: boolean"));
        List<String> activate = IpcIT.row(executeCommand("kervi:actions --no-format"), "fan_controller.activate");
        assertEquals("owner, unit and decimals", List.of(registry.instanceId(), "%", "0"),
                activate.size() > 8 ? activate.subList(6, 9) : activate);
        assertEquals(List.of(new LinkInfo("fan_controller.temp", "cpu_load", false, "", "")), registry.links());
        String links = executeCommand("kervi:links");
        assertTrue(links, links.contains("cpu_load") && links.contains("unresolved"));
    }

    private void shellDrivesInputsAndActions() throws Exception {
        executeCommand("kervi:value-set fan_controller.temp 40");
        assertEquals("0", executeCommand("kervi:value-get fan_controller.fan_speed").trim().split(" ")[0]);
        String result = executeCommand("kervi:action fan_controller.activate true");
        assertEquals("activate returns the fan speed for 40, with its unit and decimals", "50 %", result.trim());
        executeCommand("kervi:value-set fan_controller.temp 60");
        assertEquals("inputChanged set the output", "75 %", executeCommand("kervi:value-get fan_controller.fan_speed")
                .trim());
        assertEquals("an option may follow the arguments", "75 %",
                executeCommand("kervi:action fan_controller.activate true -t 5000").trim());
        String verbose = executeCommand("kervi:value-get -v fan_controller.temp");
        assertTrue(verbose, verbose.contains("role:      input") && verbose.contains("follows:   cpu_load"));
        assertEquals("-v after the id works as documented", verbose,
                executeCommand("kervi:value-get fan_controller.temp -v"));
        assertEquals(verbose, executeCommand("kervi:value-get fan_controller.temp --verbose"));
        String local = executeCommand("kervi:values fan_controller. --no-format -l");
        assertTrue(local, local.contains("fan_controller.temp") && !local.contains("Owner"));
        assertEquals(0.0, actions.call("fan_controller.activate", false).get(10, TimeUnit.SECONDS));
        assertEquals("0 %", executeCommand("kervi:value-get fan_controller.fan_speed").trim());
        executeCommand("kervi:action fan_controller.activate true");
    }

    private void badInputGetsClearErrors() throws Exception {
        assertCommandFails("kervi:value-set fan_controller.temp hot",
                "fan_controller.temp: expected a number, got 'hot' (String)");
        assertCommandFails("kervi:value-set fan_controller.temp 101", "fan_controller.temp: 101 is out of range [0, 100]");
        assertCommandFails("kervi:value-set fan_controller.fan_speed 10",
                "fan_controller.fan_speed: is read-only (output); only its component sets it");
        assertCommandFails("kervi:value-set fan_controller.nope 10", "unknown value id 'fan_controller.nope'");
        assertCommandFails("kervi:action fan_controller.activate maybe",
                "fan_controller.activate: BAD_ARGUMENTS: argument 1 (on): expected boolean, got 'maybe'");
        assertCommandFails("kervi:action fan_controller.nope",
                "fan_controller.nope: UNKNOWN_ID: no action with id 'fan_controller.nope' is known");
        assertCommandFails("kervi:action fan_controller.activate true -t", "kervi:action: option -t needs a value");
        assertCommandFails("kervi:value-get fan_controller.nope -v", "unknown value id 'fan_controller.nope'");
        assertEquals("the rejected writes left the input alone", "60 %",
                executeCommand("kervi:value-get fan_controller.temp").trim());
    }

    private void sensorResolvesTheLinkAndValuesFlow() throws Exception {
        installFeature("kervi-example-sensors");
        waitFor(Duration.ofSeconds(10), () -> registry.value("cpu_load").map(e -> e.value().hasFired()).orElse(false));
        assertTrue(registry.links().get(0).resolved());
        String links = executeCommand("kervi:links");
        assertTrue(links, links.contains("resolved") && !links.contains("unresolved"));
        waitFor(Duration.ofSeconds(10), () -> current("fan_controller.temp").equals(current("cpu_load")));
        double temp = (Double) current("fan_controller.temp");
        double expected = temp <= 20 ? 0 : Math.min(100, temp / 80 * 100);
        waitFor(Duration.ofSeconds(5), () -> Math.abs((Double) current("fan_controller.fan_speed") - expected) < 1e-9
                || !current("fan_controller.temp").equals(temp));
        assertTrue(executeCommand("kervi:values").contains("cpu_load"));
    }

    private void uninstallingTheSensorUnresolvesTheLink() throws Exception {
        uninstallFeature("kervi-example-sensors");
        waitFor(Duration.ofSeconds(10), () -> registry.value("cpu_load").isEmpty());
        assertFalse(registry.links().get(0).resolved());
        String links = executeCommand("kervi:links --unresolved");
        assertTrue(links, links.contains("fan_controller.temp") && links.contains("unresolved"));
        assertFalse(executeCommand("kervi:values").contains("cpu_load"));
    }

    private Object current(String id) {
        return registry.value(id).map(ValueEntry::value).map(v -> (Object) v.get()).orElse("missing");
    }

    private void assertCommandFails(String command, String expectedMessage) {
        try {
            String output = executeCommand(command);
            fail(command + " should have failed, printed: " + output);
        } catch (Exception e) {
            assertTrue(command + " failed with: " + e.getMessage(), e.getMessage().startsWith(expectedMessage));
        }
    }

    private static String typeOf(int type) {
        switch (type) {
            case BundleEvent.INSTALLED: return "INSTALLED";
            case BundleEvent.RESOLVED: return "RESOLVED";
            case BundleEvent.STARTING: return "STARTING";
            case BundleEvent.STARTED: return "STARTED";
            case BundleEvent.STOPPING: return "STOPPING";
            case BundleEvent.STOPPED: return "STOPPED";
            case BundleEvent.UNRESOLVED: return "UNRESOLVED";
            case BundleEvent.UPDATED: return "UPDATED";
            case BundleEvent.UNINSTALLED: return "UNINSTALLED";
            default: return "TYPE-" + type;
        }
    }
}
