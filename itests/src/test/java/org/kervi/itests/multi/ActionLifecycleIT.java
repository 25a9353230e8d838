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
 * Two real Karaf processes: b owns a long action ({@link PumpProducer}), a (the root) starts it asynchronously over
 * IPC, both see it running, a interrupts the run by its run id, both see it interrupted; then b starts it and a
 * interrupts it by the action id; a synchronous call that times out ends the run failed.
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
        ProducerBundle.write(b.home().resolve("deploy/pump.jar"), PumpProducer.class);
        KarafProcess.startAll(a, b);
        a.execute("feature:install kervi-ipc");
        b.execute("feature:install kervi-ipc");
        a.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("b", "idle")), TIMEOUT);

        String runId = a.execute("kervi:action --async " + PumpProducer.RUN + " 40").trim();
        assertTrue("the run id names the action and the starting instance: " + runId,
                runId.startsWith(PumpProducer.RUN + "#a-"));
        b.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("b", "running")), TIMEOUT);
        a.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("b", "running")), TIMEOUT);
        assertEquals("running", a.execute("kervi:value-get " + PumpProducer.RUN + ".state").trim());

        assertEquals(runId + ": 1 run interrupted", a.execute("kervi:action-interrupt " + runId).trim());
        b.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("b", "interrupted")), TIMEOUT);
        String seenFromA = a.awaitOutput("kervi:actions --no-format",
                out -> state(out).equals(List.of("b", "interrupted")), TIMEOUT);
        assertEquals("the last error says why", "interrupted", lastError(seenFromA));
        b.awaitOutput("kervi:value-get " + PumpProducer.STOPS, out -> out.trim().equals("1"), TIMEOUT);
        assertEquals(runId + ": not running (it has ended)", a.execute("kervi:action-interrupt " + runId).trim());

        String own = b.execute("kervi:action --async " + PumpProducer.RUN + " 10").trim();
        assertTrue(own, own.startsWith(PumpProducer.RUN + "#b-"));
        a.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("b", "running")), TIMEOUT);
        assertEquals(PumpProducer.RUN + ": 1 run interrupted",
                a.execute("kervi:action-interrupt " + PumpProducer.RUN).trim());
        a.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("b", "interrupted")), TIMEOUT);
        b.awaitOutput("kervi:value-get " + PumpProducer.STOPS, out -> out.trim().equals("2"), TIMEOUT);

        CommandResult timedOut = a.run("kervi:action " + PumpProducer.RUN + " 5 --timeout 1000");
        String timeoutError = timedOut.error().orElse("no error: " + timedOut.output());
        assertTrue(timeoutError, timeoutError.contains(PumpProducer.RUN + ": TIMEOUT"));
        String failed = a.awaitOutput("kervi:actions --no-format", out -> state(out).equals(List.of("b", "failed")),
                TIMEOUT);
        assertEquals("no result within 1000 ms", lastError(failed));
        b.awaitOutput("kervi:value-get " + PumpProducer.STOPS, out -> out.trim().equals("3"), TIMEOUT);

        CommandResult unknown = a.run("kervi:action-interrupt pump.nothing");
        String error = unknown.error().orElse("no error: " + unknown.output());
        assertTrue(error, error.contains("pump.nothing: UNKNOWN_ID: no action with id 'pump.nothing' is known"));
        CommandResult refused = b.run("kervi:action --async " + PumpProducer.RUN + " 1 2");
        String refusal = refused.error().orElse("no error: " + refused.output());
        assertTrue("a start refused at once is an error, not a run id: " + refusal,
                refusal.contains(PumpProducer.RUN + ": BAD_ARGUMENTS"));
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
