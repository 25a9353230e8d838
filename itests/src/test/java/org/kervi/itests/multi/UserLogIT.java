package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.CommandResult;
import org.kervi.testkit.KarafProcess;

/**
 * Ranges and the user log across two real Karaf processes: a runs the hub (the root, where the user log is kept),
 * b the fan demo's controllers, whose CPU load input has a warning range from 75 % and an error range from 90 %.
 * Values written from a's shell move b's input through its ranges: both instances read the same range level, b's
 * range changes reach a's {@code kervi:log} with b as their instance, b's rate limit (3 per source and level in 10 s)
 * holds a flapping value back and says how many it suppressed, and a's log outlives a restart of a.
 */
public class UserLogIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final String TEMP = "fan_controller.temp";
    private KarafProcess a;
    private KarafProcess b;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(a, b);
    }

    @Test
    public void rangeChangesInAModuleReachTheRootsLogRateLimitedAndKept() {
        int hubPort = Ports.free();
        a = CrossInstanceIT.linked("a", "hub", hubPort);
        b = CrossInstanceIT.linked("b", "client", hubPort).withConfig("org.kervi.automation.userlog",
                Map.of("rateLimitEntries", "3", "rateLimitWindowSeconds", "10"));
        KarafProcess.startAll(a, b);
        a.execute("feature:install kervi-ipc kervi-automation");
        b.execute("feature:install kervi-ipc kervi-automation kervi-example-controllers");
        a.awaitOutput("kervi:values --no-format", out -> out.contains(TEMP), TIMEOUT);
        a.awaitOutput("kervi:actions --no-format", out -> out.contains("userlog.b.take"), TIMEOUT);

        a.execute("kervi:value-set " + TEMP + " 80");
        assertTrue(b.execute("kervi:value-get -v " + TEMP).contains("rangeLevel: warning"));
        a.awaitOutput("kervi:value-get -v " + TEMP, out -> out.contains("rangeLevel: warning"), TIMEOUT);
        String warning = a.awaitOutput("kervi:log --level warning --no-format",
                out -> out.contains("CPU load high"), TIMEOUT);
        assertEquals("a's log shows b's entry: level, source, instance, message",
                List.of("warning", TEMP, "b", "CPU load high"), cells(warning, "CPU load high"));
        assertTrue("b keeps its own entries too", b.execute("kervi:log --no-format").contains("CPU load high"));

        a.execute("kervi:value-set " + TEMP + " 95");
        a.awaitOutput("kervi:value-get -v " + TEMP, out -> out.contains("rangeLevel: error"), TIMEOUT);
        String error = a.awaitOutput("kervi:log --level error --no-format",
                out -> out.contains("CPU load critical"), TIMEOUT);
        assertTrue(error, !error.contains("CPU load high"));
        a.execute("kervi:value-set " + TEMP + " 50");
        a.awaitOutput("kervi:log --no-format", out -> out.contains("CPU load 50 % is in the normal range [0, 75]"),
                TIMEOUT);

        // flapping, six times within a second (one shell session): at most 3 warnings per 10 s window are logged,
        // the rest are counted and reported when their window ends
        StringBuilder flap = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            flap.append("kervi:value-set ").append(TEMP).append(" 80 ; kervi:value-set ").append(TEMP).append(" 50 ; ");
        }
        a.execute(flap.toString());
        String summary = a.awaitOutput("kervi:log --level warning --no-format",
                out -> suppressed(out) + count(out, "CPU load high") == 7, TIMEOUT);
        assertTrue(summary, suppressed(summary) >= 3 && summary.contains("suppressed (rate limit: 3 per 10 s)"));
        assertTrue(summary, count(summary, "CPU load high") <= 4);

        CommandResult bad = a.run("kervi:log --since yesterday");
        assertTrue(bad.output(), bad.error().orElse("").contains("--since 'yesterday' is neither a duration"));
        assertTrue(a.execute("kervi:log --since 1m --level error --no-format").contains("CPU load critical"));

        a.restart();
        String kept = a.awaitOutput("kervi:log --no-format", out -> out.contains("CPU load critical"), TIMEOUT);
        assertTrue(kept, kept.contains("CPU load high") && kept.contains("suppressed"));
        // b's forwarding carries on once the root is back
        a.awaitOutput("kervi:values --no-format", out -> out.contains(TEMP), TIMEOUT);
        a.execute("kervi:value-set " + TEMP + " 96");
        a.awaitOutput("kervi:log --level error --no-format", out -> count(out, "CPU load critical") == 2, TIMEOUT);
    }

    /** Level, source, instance and message of the first row whose message is {@code message}. */
    private static List<String> cells(String table, String message) {
        for (String line : table.split("\\R")) {
            String[] cells = line.split("\t", -1);
            if (cells.length == 5 && cells[4].trim().equals(message)) {
                return Arrays.stream(cells, 1, 5).map(String::trim).toList();
            }
        }
        return List.of("(no row with message " + message + ")");
    }

    /** The sum of the counts in "N more warning entries from ... suppressed" lines. */
    private static int suppressed(String table) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) more warning entr(?:y|ies) from "
                + java.util.regex.Pattern.quote(TEMP) + " suppressed").matcher(table);
        int sum = 0;
        while (m.find()) {
            sum += Integer.parseInt(m.group(1));
        }
        return sum;
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
