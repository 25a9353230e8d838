package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.KarafProcess;

/**
 * Issue 13 point 6 across two real Karaf processes: instance a runs the hub and the simulated CPU sensor; instance b
 * runs the fan controller and an action link declared by an operator's factory configuration
 * ({@code etc/org.kervi.automation.actionlink-boost.cfg}): {@code cpu_load > 90 → fan_controller.boost_run}. The
 * value lives in a, the link and the action in b. A broken configuration beside it is refused with its reason and
 * the instance goes on. Falling below 20 interrupts the run (the action's {@code ActionContext}).
 */
public class ActionLinkIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final String LINKS = "kervi:action-links --no-format";
    private KarafProcess a;
    private KarafProcess b;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(a, b);
    }

    @Test
    public void aConfiguredLinkStartsOnARemoteValueSkipsWhileRunningAndInterrupts() throws Exception {
        int hubPort = Ports.free();
        a = CrossInstanceIT.linked("a", "hub", hubPort);
        b = CrossInstanceIT.linked("b", "client", hubPort);
        KarafProcess.startAll(a, b);
        a.execute("feature:install kervi-ipc kervi-example-sensors-simulated");
        b.execute("feature:install kervi-ipc kervi-automation kervi-example-controllers");
        a.execute("kervi:value-set cpu_load.setpoint 50");
        b.awaitOutput("kervi:value-get cpu_load", out -> out.trim().equals("50 %"), TIMEOUT);
        b.execute("kervi:value-set fan_controller.boost_time 3600");

        b.withConfig("org.kervi.automation.actionlink-boost", Map.of("value", "cpu_load", "trigger", "> 90",
                "action", "fan_controller.boost_run", "interrupt", "< 20"));
        b.withConfig("org.kervi.automation.actionlink-broken", Map.of("value", "cpu_load", "trigger", "hot",
                "action", "fan_controller.boost_run"));
        String links = b.awaitOutput(LINKS, out -> row(out, "boost").contains("waiting")
                && row(out, "broken").contains("invalid"), TIMEOUT);
        assertEquals(links, List.of("cpu_load", "> 90", "fan_controller.boost_run()", "< 20", "waiting", "0", "0"),
                CrossInstanceIT.cells(links, "boost", 1, 8));
        assertTrue(links, row(links, "broken").contains("key 'trigger': condition 'hot' is not understood"));
        String log = Files.readString(b.karafLog());
        assertTrue("the refusal is logged as an ERROR naming the configuration and the problem",
                log.lines().anyMatch(l -> l.contains("ERROR") && l.contains("org.kervi.automation.actionlink~broken")
                        && l.contains("condition 'hot' is not understood")));

        a.execute("kervi:value-set cpu_load.setpoint 95");
        links = b.awaitOutput(LINKS, out -> row(out, "boost").contains("running"), TIMEOUT);
        assertEquals(links, List.of("running", "1", "0"), CrossInstanceIT.cells(links, "boost", 5, 8));
        b.awaitOutput("kervi:value-get fan_controller.boosting", out -> out.trim().equals("true"), TIMEOUT);
        a.awaitOutput("kervi:value-get fan_controller.boosting", out -> out.trim().equals("true"), TIMEOUT);

        a.execute("kervi:value-set cpu_load.setpoint 96");
        b.awaitOutput("kervi:value-get cpu_load", out -> out.trim().equals("96 %"), TIMEOUT);
        assertEquals("still above 90: no new edge", List.of("running", "1", "0"),
                CrossInstanceIT.cells(b.execute(LINKS), "boost", 5, 8));

        a.execute("kervi:value-set cpu_load.setpoint 50");
        b.awaitOutput("kervi:value-get cpu_load", out -> out.trim().equals("50 %"), TIMEOUT);
        a.execute("kervi:value-set cpu_load.setpoint 95");
        links = b.awaitOutput(LINKS, out -> CrossInstanceIT.cells(out, "boost", 7, 8).equals(List.of("1")), TIMEOUT);
        assertEquals("a trigger while the run goes on is skipped, not queued", List.of("running", "1", "1"),
                CrossInstanceIT.cells(links, "boost", 5, 8));

        a.execute("kervi:value-set cpu_load.setpoint 10");
        links = b.awaitOutput(LINKS, out -> row(out, "boost").contains("waiting"), TIMEOUT);
        assertEquals("below 20 interrupts the run; an asked-for interrupt is no error",
                List.of("waiting", "1", "1", "1"), CrossInstanceIT.cells(links, "boost", 5, 9));
        assertEquals(List.of(""), CrossInstanceIT.cells(links, "boost", 10, 11));
        b.awaitOutput("kervi:value-get fan_controller.boosting", out -> out.trim().equals("false"), TIMEOUT);
        a.awaitOutput("kervi:value-get fan_controller.boost_run.state", out -> out.trim().equals("interrupted"),
                TIMEOUT);

        a.execute("kervi:value-set cpu_load.setpoint 91");
        b.awaitOutput(LINKS, out -> CrossInstanceIT.cells(out, "boost", 5, 7).equals(List.of("running", "2")),
                TIMEOUT);

        b.execute("config:delete org.kervi.automation.actionlink~broken");
        b.awaitOutput(LINKS, out -> !out.contains("broken") && out.contains("boost"), TIMEOUT);
    }

    /** The tab-separated row whose first cell is {@code id}, or an empty string. */
    private static String row(String table, String id) {
        return table.lines().filter(l -> l.split("\t", -1)[0].trim().equals(id)).findFirst().orElse("");
    }
}
