package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.List;
import org.kervi.testkit.KarafProcess;

/**
 * The fan demo's behaviour, checked through the root's shell wherever its modules run (child instances or the root
 * itself): the fan follows the CPU load, the app's code-declared action link boosts the fan, the controller's
 * action answers.
 */
final class FanDemoChecks {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private FanDemoChecks() {}

    /** The seed scenario's checks, once the application is running (app_main switched the fan on). */
    static void fanFollowsLoadAndBoosts(KarafProcess root) {
        fanFollows(root, 60, "75 %");
        fanFollows(root, 10, "0 %");
        fanFollows(root, 100, "100 %");
        String links = root.awaitOutput("kervi:action-links --no-format",
                out -> CrossInstanceIT.cells(out, "boost", 6, 7).equals(List.of("1")), TIMEOUT);
        assertEquals("the app's code-declared link: cpu_load (sensors) > 90 started boost_run (controllers)",
                List.of("cpu_load", "> 90", "fan_controller.boost_run()"), CrossInstanceIT.cells(links, "boost", 1, 4));
        assertEquals("code", CrossInstanceIT.cells(links, "boost", 11, 12).get(0));
        root.awaitOutput("kervi:value-get fan_controller.boost_run.state",
                out -> out.trim().equals("running") || out.trim().equals("succeeded"), TIMEOUT);
        assertEquals("0 %", root.execute("kervi:action fan_controller.activate false").trim());
        assertEquals("0 %", root.execute("kervi:value-get fan_controller.fan_speed").trim());
        assertEquals("100 %", root.execute("kervi:action fan_controller.activate true").trim());
    }

    /** Sets the simulated CPU load; the controller's linked input and the fan speed follow. */
    static void fanFollows(KarafProcess root, int cpuLoad, String fanSpeed) {
        root.execute("kervi:value-set cpu_load.setpoint " + cpuLoad);
        root.awaitOutput("kervi:value-get fan_controller.temp", out -> out.trim().equals(cpuLoad + " %"),
                TIMEOUT);
        root.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals(fanSpeed), TIMEOUT);
    }
}
