package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.CommandResult;
import org.kervi.testkit.KarafProcess;

/**
 * GPIO channels on Pi4J's mock platform across two real Karaf processes linked by IPC (issue #11's acceptance):
 * {@code kervi-devices-pi4j} installed at runtime in a, channels declared by {@code config:} commands; a mock input
 * edge in a reaches a's value, b's view of it and a lamp channel in b that follows it ({@code linkTo}); outputs set
 * from the shell drive the mock pins; refused configurations show their error; deleting a configuration releases
 * its pin; uninstalling the feature releases the rest and refreshes no other bundle.
 */
public class GpioChannelsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final List<String> FEATURE_BUNDLES = List.of("pi4j-core", "org.kervi.devices.pi4j");
    private KarafProcess a;
    private KarafProcess b;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(a, b);
    }

    @Test
    public void channelsByConfigurationFollowPinsAcrossInstancesAndUninstallCleanly() throws IOException {
        int hubPort = Ports.free();
        // b drives a's relay and fan across instances: the hub's access list grants it (issue #12)
        a = CrossInstanceIT.linked("a", "hub", hubPort).withConfig("org.kervi.ipc.acl", Map.of("b.write",
                "relay, fan"));
        b = CrossInstanceIT.linked("b", "client", hubPort);
        KarafProcess.startAll(a, b);
        a.execute("feature:install kervi-ipc");
        b.execute("feature:install kervi-ipc kervi-devices-pi4j");

        Map<String, String> bundlesBefore = settledBundles(a);
        List<String> refreshedBefore = refreshedBundles(a);
        a.execute("feature:install kervi-devices-pi4j");
        assertEquals("installing the feature refreshes nothing", List.of(), since(refreshedBefore, refreshedBundles(a)));
        assertEquals("bundles other than the feature's keep their ids and states", bundlesBefore,
                withoutFeatureBundles(bundles(a)));

        createChannel(a, "button", "kind digital-input", "pin 17", "debounce 20");
        createChannel(a, "relay", "kind digital-output", "pin 5", "activeLow false");
        createChannel(a, "fan", "kind pwm", "pin 0", "frequency 25000");
        createChannel(a, "far_away", "kind digital-output", "pin 40");
        a.awaitOutput("kervi:values --no-format", out -> out.contains("button") && out.contains("relay")
                && out.contains("fan"), TIMEOUT);
        createChannel(a, "clash", "kind digital-output", "pin 17");
        createChannel(a, "button_twin", "id button", "kind digital-input", "pin 18");
        String hardware = a.awaitOutput("kervi:hardware --no-format", out -> out.contains("clash")
                && channelRow(out, "gpio 18").size() == 5, TIMEOUT);
        assertTrue(hardware, hardware.contains("platform:  mock"));
        assertEquals(hardware, List.of("digital-input", "low", "channel button"), CrossInstanceIT.cells(hardware,
                "gpio 17", 1, 4));
        assertEquals(hardware, List.of("failed", "pin 40 is not a BCM GPIO number (0-27)"),
                CrossInstanceIT.cells(hardware, "far_away", 3, 5));
        List<String> clash = CrossInstanceIT.cells(hardware, "clash", 3, 5);
        assertEquals(hardware, "failed", clash.get(0));
        assertTrue(hardware, clash.get(1).startsWith("gpio 17 is not available"));
        List<String> twin = channelRow(hardware, "gpio 18");
        assertEquals(hardware, List.of("button", "failed"), List.of(twin.get(0), twin.get(3)));
        assertTrue(hardware, twin.get(4).startsWith("refused by the registry: ") && twin.get(4).contains("button"));
        assertEquals("a channel the registry refused holds no pin", List.of("(no row for gpio 18 with 4 cells)"),
                CrossInstanceIT.cells(hardware, "gpio 18", 1, 4));
        String values = a.execute("kervi:values --no-format");
        assertFalse("a refused channel adds no value:\n" + values, values.contains("clash")
                || values.contains("far_away"));

        createChannel(b, "lamp", "kind digital-output", "pin 6", "linkTo button");
        b.awaitOutput("kervi:links --no-format", out -> CrossInstanceIT.cells(out, "lamp", 1, 3)
                .equals(List.of("button", "resolved")), TIMEOUT);
        assertEquals("b sees a's button over IPC", "a",
                CrossInstanceIT.ownerOf(b.execute("kervi:values --no-format"), "button"));

        a.execute("kervi:hardware-mock 17 high");
        a.awaitOutput("kervi:value-get button", out -> out.trim().equals("true"), TIMEOUT);
        b.awaitOutput("kervi:value-get button", out -> out.trim().equals("true"), TIMEOUT);
        b.awaitOutput("kervi:hardware --no-format", out -> pinState(out, "gpio 6").equals("high"), TIMEOUT);
        a.execute("kervi:hardware-mock 17 low");
        a.awaitOutput("kervi:value-get button", out -> out.trim().equals("false"), TIMEOUT);
        b.awaitOutput("kervi:value-get button", out -> out.trim().equals("false"), TIMEOUT);
        b.awaitOutput("kervi:hardware --no-format", out -> pinState(out, "gpio 6").equals("low"), TIMEOUT);

        a.execute("kervi:value-set relay true");
        assertEquals("high", pinState(a.execute("kervi:hardware --no-format"), "gpio 5"));
        b.execute("kervi:value-set relay false");
        a.awaitOutput("kervi:hardware --no-format", out -> pinState(out, "gpio 5").equals("low"), TIMEOUT);
        a.execute("kervi:value-set fan 40");
        assertEquals("40.0 % at 25000 Hz", pinState(a.execute("kervi:hardware --no-format"), "pwm 0"));
        assertEquals("fan: 150 is out of range [0, 100]", error(b.run("kervi:value-set fan 150")));
        assertEquals("button: is read-only (sensor); only its component sets it",
                error(a.run("kervi:value-set button true")));
        assertTrue(error(b.run("kervi:hardware-mock 17 high")).startsWith("no digital input is held on gpio 17"));
        assertTrue(error(a.run("kervi:i2c-scan 1")).startsWith("the mock platform has no I2C bus to scan"));

        a.execute("config:delete " + pidOf(a, "relay"));
        a.awaitOutput("kervi:hardware --no-format", out -> !out.contains("gpio 5") && !out.contains("relay"),
                TIMEOUT);
        a.awaitOutput("kervi:values --no-format", out -> !out.contains("relay"), TIMEOUT);

        a.execute("feature:uninstall kervi-devices-pi4j");
        assertEquals("the other bundles kept their ids and states", bundlesBefore, bundles(a));
        List<String> refreshedByUninstall = since(refreshedBefore, refreshedBundles(a));
        assertFalse("the log names the uninstall's refresh", refreshedByUninstall.isEmpty());
        assertTrue("uninstalling refreshes only the feature's own bundles: " + refreshedByUninstall,
                refreshedByUninstall.stream().allMatch(b -> (b.startsWith("org.kervi.devices.pi4j/")
                        || b.startsWith("pi4j-core/")) && b.endsWith("(Bundle will be uninstalled)")));
        a.awaitOutput("kervi:values --no-format", out -> !out.contains("button") && !out.contains("fan"), TIMEOUT);
        assertTrue(error(a.run("kervi:hardware")).startsWith("no hardware in this instance"));
        b.awaitOutput("kervi:links --no-format", out -> CrossInstanceIT.cells(out, "lamp", 1, 3)
                .equals(List.of("button", "unresolved")), TIMEOUT);
    }

    /** A factory configuration of org.kervi.gpio.channel made with config: commands in one shell session. */
    private static void createChannel(KarafProcess karaf, String id, String... properties) {
        StringBuilder script = new StringBuilder("config:edit --factory --alias " + id + " org.kervi.gpio.channel\n"
                + "config:property-set id " + id + "\n");
        for (String property : properties) {
            script.append("config:property-set ").append(property).append('\n');
        }
        script.append("config:update");
        karaf.execute(script.toString());
    }

    private static String pidOf(KarafProcess karaf, String id) {
        String listing = karaf.execute("config:list \"(id=" + id + ")\"");
        Matcher pid = Pattern.compile("Pid:\\s+(\\S+)").matcher(listing);
        assertTrue(listing, pid.find());
        return pid.group(1);
    }

    /** The cells of the channel row on {@code address} in {@code kervi:hardware --no-format}, or empty. */
    private static List<String> channelRow(String hardware, String address) {
        for (String line : hardware.split("\\R")) {
            String[] cells = line.split("\t", -1);
            if (cells.length == 5 && cells[2].trim().equals(address)) {
                return java.util.Arrays.stream(cells).map(String::trim).toList();
            }
        }
        return List.of();
    }

    /** The State cell of a pin's row in {@code kervi:hardware --no-format}. */
    private static String pinState(String hardware, String address) {
        return CrossInstanceIT.cells(hardware, address, 2, 3).get(0);
    }

    private static String error(CommandResult result) {
        return result.error().orElse("no error: " + result.output());
    }

    /** Bundle id → state and name, from {@code bundle:list -t 0 --no-format}. */
    private static Map<String, String> bundles(KarafProcess karaf) {
        Map<String, String> bundles = new TreeMap<>();
        for (String line : karaf.execute("bundle:list -t 0 -s --no-format").split("\\R")) {
            String[] cells = line.split("\t");
            if (cells.length >= 5 && cells[0].trim().matches("\\d+")) {
                bundles.put(cells[0].trim(), cells[1].trim() + " " + cells[4].trim());
            }
        }
        return bundles;
    }

    /** The bundles once every one is active (the features extension fragment stays resolved). */
    private static Map<String, String> settledBundles(KarafProcess karaf) {
        return Poll.until(karaf.name() + ": every bundle active", TIMEOUT, () -> {
            Map<String, String> bundles = bundles(karaf);
            boolean settled = bundles.values().stream().allMatch(stateAndName -> stateAndName.startsWith("Active ")
                    || stateAndName.equals("Resolved org.apache.karaf.features.extension"));
            return settled ? bundles : null;
        });
    }

    private static Map<String, String> withoutFeatureBundles(Map<String, String> bundles) {
        Map<String, String> others = new TreeMap<>(bundles);
        others.values().removeIf(stateAndName -> FEATURE_BUNDLES.stream().anyMatch(stateAndName::endsWith));
        return others;
    }

    /**
     * Every bundle the features service refreshed so far, as its log names them ({@code org.kervi.shell/0.1.0 (Wired
     * to ...)}), in order. The log is the witness: Karaf writes each refresh there, with the reason per bundle.
     */
    static List<String> refreshedBundles(KarafProcess karaf) throws IOException {
        List<String> refreshed = new ArrayList<>();
        boolean inRefresh = false;
        for (String line : Files.readAllLines(karaf.karafLog())) {
            String message = line.substring(line.lastIndexOf(" | ") + 3);
            if (message.startsWith("Refreshing bundles")) {
                inRefresh = true;
            } else if (inRefresh && message.startsWith("    ")) {
                refreshed.add(message.trim());
            } else {
                inRefresh = false;
            }
        }
        return refreshed;
    }

    static List<String> since(List<String> before, List<String> now) {
        return now.subList(before.size(), now.size());
    }
}
