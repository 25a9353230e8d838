package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.After;
import org.junit.Test;
import org.kervi.itests.producer.ProducerBundle;
import org.kervi.itests.producer.PumpProducer;
import org.kervi.testkit.CommandResult;
import org.kervi.testkit.KarafProcess;

/**
 * Two real Karaf processes: a owns a long action ({@link PumpProducer}), b starts it asynchronously over IPC, both
 * see it running, b interrupts the run by its run id, both see it interrupted; then a starts it and b interrupts it by
 * the action id.
 */
public class ActionLifecycleIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private KarafProcess a;
    private KarafProcess b;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(a, b);
    }

    @Test
    public void aRemoteActionStartsAsyncShowsItsStateEverywhereAndIsInterrupted() {
        int hubPort = Ports.free();
        a = CrossInstanceIT.linked("a", "hub", hubPort);
        b = CrossInstanceIT.linked("b", "client", hubPort);
        ProducerBundle.write(a.home().resolve("deploy/pump.jar"), PumpProducer.class);
        KarafProcess.startAll(a, b);
        a.execute("feature:install kervi-ipc");
        b.execute("feature:install kervi-ipc");
        b.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("a", "idle")), TIMEOUT);

        String runId = b.execute("kervi:action --async " + PumpProducer.RUN + " 40").trim();
        assertTrue("the run id names the action and the starting instance: " + runId,
                runId.startsWith(PumpProducer.RUN + "#b-"));
        a.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("a", "running")), TIMEOUT);
        b.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("a", "running")), TIMEOUT);
        assertEquals("running", b.execute("kervi:value-get " + PumpProducer.RUN + ".state").trim());

        assertEquals(runId + ": 1 run interrupted", b.execute("kervi:action-interrupt " + runId).trim());
        a.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("a", "interrupted")), TIMEOUT);
        String seenFromB = b.awaitOutput("kervi:actions --no-format",
                out -> state(out).equals(List.of("a", "interrupted")), TIMEOUT);
        assertEquals("the last error says why", "interrupted", lastError(seenFromB));
        a.awaitOutput("kervi:value-get " + PumpProducer.STOPS, out -> out.trim().equals("1"), TIMEOUT);
        assertEquals(runId + ": not running (it has ended)", b.execute("kervi:action-interrupt " + runId).trim());

        String second = a.execute("kervi:action --async " + PumpProducer.RUN + " 10").trim();
        assertTrue(second, second.startsWith(PumpProducer.RUN + "#a-"));
        b.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("a", "running")), TIMEOUT);
        assertEquals(PumpProducer.RUN + ": 1 run interrupted",
                b.execute("kervi:action-interrupt " + PumpProducer.RUN).trim());
        b.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("a", "interrupted")), TIMEOUT);
        a.awaitOutput("kervi:value-get " + PumpProducer.STOPS, out -> out.trim().equals("2"), TIMEOUT);

        CommandResult unknown = b.run("kervi:action-interrupt pump.nothing");
        String error = unknown.error().orElse("no error: " + unknown.output());
        assertTrue(error, error.contains("pump.nothing: UNKNOWN_ID: no action with id 'pump.nothing' is known"));

        CommandResult timedOut = b.run("kervi:action " + PumpProducer.RUN + " 5 --timeout 1000");
        String timeoutError = timedOut.error().orElse("no error: " + timedOut.output());
        assertTrue(timeoutError, timeoutError.contains(PumpProducer.RUN + ": TIMEOUT"));
        String failed = b.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("a", "failed")),
                TIMEOUT);
        assertEquals("timed out after 1000 ms", lastError(failed));
        a.awaitOutput("kervi:value-get " + PumpProducer.STOPS, out -> out.trim().equals("3"), TIMEOUT);
    }

    /** Owner and state cells of the pump's row in {@code kervi:actions --no-format}. */
    private static List<String> state(String table) {
        List<String> owner = CrossInstanceIT.cells(table, PumpProducer.RUN, 6, 7);
        List<String> state = CrossInstanceIT.cells(table, PumpProducer.RUN, 9, 10);
        return owner.size() == 1 && state.size() == 1 && !owner.get(0).startsWith("(no row")
                ? List.of(owner.get(0), state.get(0)) : List.of("(no row)");
    }

    private static String lastError(String table) {
        return CrossInstanceIT.cells(table, PumpProducer.RUN, 11, 12).get(0);
    }
}
