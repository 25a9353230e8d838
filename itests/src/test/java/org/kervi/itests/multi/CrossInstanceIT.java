package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.CommandResult;
import org.kervi.testkit.KarafProcess;

/**
 * Two real Karaf processes linked by IPC: instance a runs the hub, the (simulated) sensors module and the fan demo's
 * app code; instance b runs the controllers module. A value set in a reaches b's linked input, b calls an action
 * owned by a, and after a {@code kill -9} of a the link turns unresolved within the heartbeat timeout, calls fail
 * with a clear error, and everything heals when a comes back.
 */
public class CrossInstanceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private KarafProcess a;
    private KarafProcess b;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(a, b);
    }

    @Test
    public void valuesAndActionsCrossInstancesAndHealAfterKill9() {
        int hubPort = Ports.free();
        a = new KarafProcess("a").withConfig("org.kervi.core", Map.of("instanceId", "a"))
                .withConfig("org.kervi.ipc", ipc("hub", hubPort));
        b = new KarafProcess("b").withConfig("org.kervi.core", Map.of("instanceId", "b"))
                .withConfig("org.kervi.ipc", ipc("client", hubPort));
        KarafProcess.startAll(a, b);
        a.execute("feature:install kervi-ipc kervi-example-sensors-simulated kervi-example-app");
        b.execute("feature:install kervi-ipc kervi-example-controllers");

        String values = b.awaitOutput("kervi:values --no-format", out -> out.contains("cpu_load.setpoint"), TIMEOUT);
        assertTrue(values, ownerOf(values, "cpu_load").equals("a") && ownerOf(values, "fan_controller.temp").equals("b"));
        b.awaitOutput("kervi:links", out -> out.contains("resolved") && !out.contains("unresolved"), TIMEOUT);

        a.execute("kervi:value-set cpu_load.setpoint 60");
        b.awaitOutput("kervi:value-get fan_controller.temp", out -> out.trim().equals("60 %"), TIMEOUT);
        assertEquals("b calls app_main in a, which activates b's controller", "75.0",
                b.execute("kervi:action app_main").trim());
        b.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals("75 %"), TIMEOUT);
        a.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals("75 %"), TIMEOUT);

        a.kill9();
        long killedAt = System.nanoTime();
        b.awaitOutput("kervi:links", out -> out.contains("unresolved"), Duration.ofSeconds(10));
        long unresolvedAfterMillis = (System.nanoTime() - killedAt) / 1_000_000;
        log("link unresolved " + unresolvedAfterMillis + " ms after kill -9 of the owner");
        assertTrue("unresolved within the 3 s heartbeat timeout (+1 s for the shell): " + unresolvedAfterMillis,
                unresolvedAfterMillis <= 4_000);
        CommandResult call = b.run("kervi:action app_main");
        String error = call.error().orElse("no error: " + call.output());
        assertTrue(error, error.startsWith("app_main: UNKNOWN_ID") || error.startsWith("app_main: OWNER_GONE"));

        a.restart();
        b.awaitOutput("kervi:links", out -> out.contains("resolved") && !out.contains("unresolved"), TIMEOUT);
        a.awaitOutput("kervi:values", out -> out.contains("cpu_load.setpoint"), TIMEOUT);
        a.execute("kervi:value-set cpu_load.setpoint 40");
        b.awaitOutput("kervi:value-get fan_controller.temp", out -> out.trim().equals("40 %"), TIMEOUT);
        b.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals("50 %"), TIMEOUT);
        assertEquals("0.0", b.execute("kervi:action app_exit").trim());
    }

    static Map<String, String> ipc(String role, int port) {
        return Map.of("role", role, "port", Integer.toString(port), "secret", "integration-test-secret",
                "applicationId", "it");
    }

    /** The owner column of a value's row in {@code kervi:values --no-format}. */
    static String ownerOf(String table, String id) {
        for (String line : table.split("\\R")) {
            String[] cells = line.split("\t");
            if (cells.length > 4 && cells[0].trim().equals(id)) {
                return cells[4].trim();
            }
        }
        return "(no row for " + id + ")";
    }

    private static void log(String message) {
        System.out.println("[CrossInstanceIT] " + message);
    }
}
