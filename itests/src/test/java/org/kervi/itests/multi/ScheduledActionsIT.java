package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.KarafProcess;

/**
 * Issue 13 point 7 in a real Karaf process: schedules configured by factory pid ({@code etc/*.cfg}) run their action,
 * {@code kervi:schedules} lists them with the next fire time in their zone, a wrong configuration is listed as refused
 * with the pid and the field, and runs missed while the instance was stopped are reported after the restart.
 */
public class ScheduledActionsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern MISSED = Pattern.compile(
            "schedule fan_off: missed (\\d+) run\\(s\\) of action fan_controller.activate \\(every second, [^)]+\\)"
                    + " while the instance was down");
    private KarafProcess karaf;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(karaf);
    }

    @Test
    public void configuredSchedulesRunListAndReportMissedRunsAfterARestart() throws Exception {
        karaf = new KarafProcess("schedules")
                .withFile("etc/org.kervi.automation.schedule-fan_off.cfg", String.join("\n",
                        "id = fan_off", "action = fan_controller.activate", "arguments = false", "every = 1 second", ""))
                .withFile("etc/org.kervi.automation.schedule-morning.cfg", String.join("\n",
                        "id = morning", "action = fan_controller.activate", "arguments = true", "every = day",
                        "at = 06:30", "zone = Asia/Kolkata", ""))
                .withFile("etc/org.kervi.automation.schedule-wrong.cfg", String.join("\n",
                        "id = wrong", "action = fan_controller.activate", "every = 7 fortnights", ""));
        karaf.start();
        karaf.execute("feature:install kervi-automation kervi-example-controllers", Duration.ofSeconds(60));

        // the schedule switches the fan off within a second of anyone switching it on
        karaf.awaitOutput("kervi:schedules --no-format", out -> "ok".equals(cell(out, "fan_off", 7)), TIMEOUT);
        karaf.execute("kervi:action fan_controller.activate true");
        karaf.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("false"), TIMEOUT);

        String listing = karaf.execute("kervi:schedules");
        assertTrue(listing, listing.contains("instance time zone: "));
        String plain = karaf.execute("kervi:schedules --no-format");
        assertEquals(plain, "every second", cell(plain, "fan_off", 3));
        assertEquals(plain, "every day at 06:30", cell(plain, "morning", 3));
        assertEquals(plain, "Asia/Kolkata", cell(plain, "morning", 4));
        assertTrue(plain, cell(plain, "morning", 5).matches("\\d{4}-\\d\\d-\\d\\d 06:30:00 \\+05:30"));
        assertTrue(plain, cell(plain, "fan_off", 9).startsWith("org.kervi.automation.schedule~fan_off"));
        String refused = cell(plain, "wrong", 5);
        assertTrue(plain, refused.startsWith("never: org.kervi.automation.schedule~wrong")
                && refused.endsWith(": every: '7 fortnights' is not a unit or a count and a unit (second, minute,"
                + " hour, day; '10 minutes')"));
        assertTrue("the instance runs on", karaf.execute("kervi:actions").contains("fan_controller.activate"));

        karaf.stop(Duration.ofSeconds(60));
        karaf.start();
        String missed = Poll.until("a missed-run report in karaf.log", TIMEOUT, () -> {
            try {
                return MISSED.matcher(Files.readString(karaf.karafLog())).find()
                        ? Files.readString(karaf.karafLog()) : null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Matcher m = MISSED.matcher(missed);
        assertTrue(m.find());
        long reported = Long.parseLong(m.group(1));
        assertTrue("a restart takes seconds, so a 1 s schedule misses runs: " + reported, reported >= 2);
        String after = karaf.awaitOutput("kervi:schedules --no-format",
                out -> String.valueOf(reported).equals(cell(out, "fan_off", 8)), TIMEOUT);
        assertEquals(after, "0", cell(after, "morning", 8));
    }

    private static String cell(String table, String id, int column) {
        return FanDemoIT.cell(table, id, column);
    }
}
