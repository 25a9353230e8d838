package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Test;
import org.kervi.api.values.ValueKind;
import org.kervi.api.values.ValueRole;
import org.kervi.ipc.api.ActionDescriptor;
import org.kervi.ipc.api.TransportListener;
import org.kervi.ipc.api.TransportProblem;
import org.kervi.ipc.api.ValueDescriptor;
import org.kervi.ipc.internal.tcp.ClientSettings;
import org.kervi.ipc.internal.tcp.Hmac;
import org.kervi.ipc.internal.tcp.TcpClientTransport;
import org.kervi.testkit.KarafProcess;

/**
 * An instance that knows the secret is not all-powerful (issue #12): three real Karaf processes (root = hub, s = the
 * simulated sensors module, c = the controllers module) and hostile instances speaking the real client protocol
 * from this JVM. An id flood stops at the quota with the modules unaffected; a module may not write or call what
 * it does not own unless a grant says so; a restarting module's ids are reserved for it, and freed for the waiting
 * claimant after the grace.
 */
public class IpcLimitsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SECRET = "integration-test-secret";
    private static final int QUOTA = 10_000;
    private static final int FLOOD = 200_000;
    private static final int GRACE_SECONDS = 45;
    private static final int WRONG_EVENTS = 20_000;
    private final List<TcpClientTransport> hostile = new ArrayList<>();
    private KarafProcess root;
    private KarafProcess s;
    private KarafProcess c;
    private int hubPort;

    @After
    public void cleanUp() {
        hostile.forEach(TcpClientTransport::close);
        KarafProcess.closeAll(root, s, c);
    }

    @Test
    public void quotasAclAndReservationsHoldAgainstAnAuthenticatedInstance() throws Exception {
        hubPort = Ports.free();
        Map<String, String> hubConfig = new LinkedHashMap<>(CrossInstanceIT.ipc("hub", hubPort));
        hubConfig.put("idReservationSeconds", Integer.toString(GRACE_SECONDS));
        root = new KarafProcess("root").withConfig("org.kervi.core", Map.of("instanceId", "root"))
                .withConfig("org.kervi.ipc", hubConfig);
        s = CrossInstanceIT.linked("s", "client", hubPort);
        c = CrossInstanceIT.linked("c", "client", hubPort);
        KarafProcess.startAll(root, s, c);
        root.execute("feature:install kervi-ipc");
        s.execute("feature:install kervi-ipc kervi-example-sensors-simulated");
        c.execute("feature:install kervi-ipc kervi-example-controllers");
        c.awaitOutput("kervi:links", out -> out.contains("resolved") && !out.contains("unresolved"), TIMEOUT);
        root.awaitOutput("kervi:actions", out -> out.contains("fan_controller.activate"), TIMEOUT);

        assertAclRefusesModulesAndGrantsOpenWhatTheyName();
        assertIdFloodStopsAtTheQuota();
        assertIdsAreReservedAcrossARestartAndFreedAfterTheGrace();
    }

    private void assertAclRefusesModulesAndGrantsOpenWhatTheyName() {
        String write = error(c.run("kervi:value-set cpu_load.setpoint 50"));
        assertTrue(write, write.contains("FORBIDDEN") && write.contains("instance 'c' may not write value "
                + "'cpu_load.setpoint' of instance 's'") && write.contains("org.kervi.ipc.acl c.write"));
        String call = error(s.run("kervi:action fan_controller.activate true"));
        assertTrue(call, call.contains("instance 's' may not call action 'fan_controller.activate' of instance 'c'")
                && call.contains("org.kervi.ipc.acl s.call"));
        assertTrue(root.execute("log:display").contains("refused: instance 'c' may not write value"));

        root.execute("kervi:value-set cpu_load.setpoint 60");
        c.awaitOutput("kervi:value-get fan_controller.temp", out -> out.trim().equals("60 %"), TIMEOUT);
        assertEquals("the root may call a module's action", "75 %",
                root.execute("kervi:action fan_controller.activate true").trim());

        root.execute("config:property-set -p org.kervi.ipc.acl s.call fan_controller.activate");
        s.awaitOutput("kervi:action fan_controller.activate false", out -> out.trim().equals("0 %"), TIMEOUT);
        String notGranted = error(s.run("kervi:value-set fan_controller.max_speed 40"));
        assertTrue("a call grant opens no write: " + notGranted, notGranted.contains("FORBIDDEN")
                && notGranted.contains("org.kervi.ipc.acl s.write"));
    }

    private void assertIdFloodStopsAtTheQuota() throws java.io.IOException {
        Recorder flooder = new Recorder();
        TcpClientTransport flood = hostile("flood", flooder);
        List<ValueDescriptor> ids = new ArrayList<>(FLOOD);
        for (int i = 0; i < FLOOD; i++) {
            ids.add(number("flood." + i));
        }
        long start = System.nanoTime();
        flood.register(ids, List.of());
        flood.start(flooder);
        flooder.await("the flooder is told of the quota", () -> flooder.has(TransportProblem.QUOTA));
        TransportProblem quota = flooder.first(TransportProblem.QUOTA);
        assertTrue(quota.message(), quota.message().contains("instance 'flood' holds " + QUOTA + " ids, the limit "
                + "maxIdsPerInstance of pid org.kervi.ipc"));
        root.awaitOutput("kervi:instances --no-format", out -> idsOf(out, "flood") == QUOTA, TIMEOUT);
        String values = c.awaitOutput("kervi:values --no-format", out -> rowsOwnedBy(out, "flood") == QUOTA,
                TIMEOUT);
        log("flood of " + FLOOD + " ids refused at " + QUOTA + " in " + (System.nanoTime() - start) / 1_000_000
                + " ms; module c holds " + rowsOwnedBy(values, "flood") + " of them");

        long before = System.nanoTime();
        root.execute("kervi:value-set cpu_load.setpoint 40");
        c.awaitOutput("kervi:value-get fan_controller.temp", out -> out.trim().equals("40 %"), TIMEOUT);
        log("module c followed cpu_load " + (System.nanoTime() - before) / 1_000_000 + " ms after the write");
        assertTrue("the modules stayed up", s.isAlive() && c.isAlive());
        assertEquals("c kept its link", "resolved", CrossInstanceIT.cells(c.execute("kervi:links --no-format"),
                "fan_controller.temp", 2, 3).get(0));

        String accepted = firstOwnedBy(values, "flood");
        for (int i = 0; i < WRONG_EVENTS; i++) {
            flood.publish(accepted, "not a number " + i, i);
        }
        flood.publish(accepted, 42.0, WRONG_EVENTS);
        for (KarafProcess k : List.of(root, c)) {
            k.awaitOutput("kervi:value-get " + accepted, out -> out.trim().startsWith("42"), TIMEOUT);
            long lines = linesContaining(k, "event of '" + accepted + "' not applied");
            log(k.name() + " logged " + lines + " lines for " + WRONG_EVENTS + " wrongly typed events");
            assertTrue(k.name() + ": " + lines + " lines", lines >= 1 && lines <= 5);
        }

        flood.close();
        c.awaitOutput("kervi:values --no-format", out -> rowsOwnedBy(out, "flood") == 0, TIMEOUT);
    }

    private void assertIdsAreReservedAcrossARestartAndFreedAfterTheGrace() {
        Recorder squatter = new Recorder();
        TcpClientTransport impostor = hostile("impostor", squatter);
        impostor.register(List.of(number("cpu_load")), List.of());
        impostor.start(squatter);
        squatter.await("refused while the owner is up", () -> squatter.has(TransportProblem.DUPLICATE_ID));
        assertEquals("s", squatter.first(TransportProblem.DUPLICATE_ID).owner());

        s.execute("bundle:stop org.kervi.ipc");
        squatter.await("refused while the owner restarts", () -> squatter.has(TransportProblem.RESERVED));
        TransportProblem reserved = squatter.first(TransportProblem.RESERVED);
        assertEquals("s", reserved.owner());
        assertTrue(reserved.message(), reserved.message().contains("value id 'cpu_load' is reserved for instance 's'"));
        assertEquals("nobody owns cpu_load meanwhile", "(no row for cpu_load with 5 cells)",
                CrossInstanceIT.ownerOf(root.execute("kervi:values --no-format"), "cpu_load"));

        s.execute("bundle:start org.kervi.ipc");
        root.awaitOutput("kervi:values --no-format", out -> CrossInstanceIT.ownerOf(out, "cpu_load").equals("s"),
                TIMEOUT);
        c.awaitOutput("kervi:links", out -> out.contains("resolved") && !out.contains("unresolved"), TIMEOUT);

        long killedAt = System.nanoTime();
        s.kill9();
        root.awaitOutput("kervi:values --no-format", out -> CrossInstanceIT.ownerOf(out, "cpu_load")
                .equals("impostor"), Duration.ofSeconds(GRACE_SECONDS + 30));
        long afterSeconds = (System.nanoTime() - killedAt) / 1_000_000_000;
        log("the waiting claimant got cpu_load " + afterSeconds + " s after the owner died");
        assertTrue("not before the grace: " + afterSeconds + " s", afterSeconds >= GRACE_SECONDS);
    }

    private TcpClientTransport hostile(String instanceId, Recorder recorder) {
        TcpClientTransport t = new TcpClientTransport(new ClientSettings("127.0.0.1", hubPort, "it", instanceId,
                Hmac.instanceKey(SECRET.getBytes(StandardCharsets.UTF_8), "it", instanceId), 1 << 20, 10_000, 1000,
                3000, 10_000, 2000));
        hostile.add(t);
        return t;
    }

    private static ValueDescriptor number(String id) {
        return new ValueDescriptor(id, id, ValueKind.NUMBER, ValueRole.SENSOR, "flood", Map.of());
    }

    private static int idsOf(String instances, String instance) {
        List<String> cells = CrossInstanceIT.cells(instances, instance, 1, 2);
        return cells.get(0).matches("\\d+") ? Integer.parseInt(cells.get(0)) : -1;
    }

    private static long rowsOwnedBy(String values, String owner) {
        long n = 0;
        for (String line : values.split("\\R")) {
            String[] cells = line.split("\t", -1);
            if (cells.length >= 5 && cells[4].trim().equals(owner)) {
                n++;
            }
        }
        return n;
    }

    private static String firstOwnedBy(String values, String owner) {
        for (String line : values.split("\\R")) {
            String[] cells = line.split("\t", -1);
            if (cells.length >= 5 && cells[4].trim().equals(owner)) {
                return cells[0].trim();
            }
        }
        throw new AssertionError("no value of " + owner + " in\n" + values);
    }

    private static long linesContaining(KarafProcess k, String text) throws java.io.IOException {
        try (var lines = java.nio.file.Files.lines(k.karafLog())) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    private static String error(org.kervi.testkit.CommandResult result) {
        return result.error().orElse("no error: " + result.output());
    }

    private static void log(String line) {
        System.out.println("[IpcLimitsIT] " + line);
    }

    /** What a hostile instance is told by the hub. */
    private static final class Recorder implements TransportListener {
        final List<TransportProblem> problems = new CopyOnWriteArrayList<>();
        final Map<String, String> remoteValues = new ConcurrentHashMap<>();

        boolean has(String code) {
            return problems.stream().anyMatch(p -> p.code().equals(code));
        }

        TransportProblem first(String code) {
            return problems.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
        }

        void await(String what, java.util.function.BooleanSupplier condition) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not within " + TIMEOUT + ": " + what + "; problems: " + problems);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what);
                }
            }
        }

        @Override
        public void remoteValueAdded(ValueDescriptor value, String owner) {
            remoteValues.put(value.id(), owner);
        }

        @Override
        public void remoteValueRemoved(String valueId, String owner) {
            remoteValues.remove(valueId);
        }

        @Override
        public void remoteActionAdded(ActionDescriptor action, String owner) {}

        @Override
        public void remoteActionRemoved(String actionId, String owner) {}

        @Override
        public void valueEvent(String valueId, Object value, long timestampMillis) {}

        @Override
        public CompletableFuture<Object> callRequested(String actionId, List<Object> args, Duration timeout) {
            return CompletableFuture.failedFuture(new IllegalStateException("no actions here"));
        }

        @Override
        public CompletableFuture<Void> writeRequested(String valueId, Object value) {
            return CompletableFuture.failedFuture(new IllegalStateException("no values here"));
        }

        @Override
        public void problem(TransportProblem problem) {
            problems.add(problem);
        }
    }
}
