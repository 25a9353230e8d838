package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Test;
import org.kervi.itests.multi.DashboardClient.Reply;
import org.kervi.itests.producer.ProducerBundle;
import org.kervi.itests.producer.TickProducer;
import org.kervi.testkit.JvmGauges;
import org.kervi.testkit.KarafProcess;

/**
 * Issue 12, the fuzz point: a root (hub and dashboard) and a module whose value counts up every 100 ms, attacked for
 * about a minute from several threads — the hub's port before and after a correct handshake, the dashboard's API
 * with and without a session (see {@link HubFuzzer}, {@link DashboardFuzzer}). Both processes stay up, the hub keeps
 * greeting fresh connections, the module's value keeps reaching the root, and afterwards the root's heap after a
 * GC and its open file descriptors are back near the baseline taken after a warm-up. The seed is printed and can
 * be set: {@code -Dkervi.fuzz.seed=…}; the length too: {@code -Dkervi.fuzz.seconds=…}.
 */
public class SecurityFuzzIT {
    private static final String SECRET = "fuzz-test-master-secret";
    private static final String APP = "fuzz";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The hub's handshake timeout (5 s) plus room for a two-core machine under load. */
    private static final Duration HUB_BOUND = Duration.ofSeconds(15);
    private static final Duration CHALLENGE_BOUND = Duration.ofSeconds(5);
    private static final Duration HTTP_BOUND = Duration.ofSeconds(20);
    private static final Duration WARM_UP = Duration.ofSeconds(6);
    /**
     * Heap after GC may end this much above the baseline. What the root legitimately keeps after the attack is small
     * (pooled Jetty buffers, login-throttle and rate-limit tables, the fuzz threads' sessions: well under 4 MiB); the
     * faults this test exists for are far larger (1 MiB per unauthenticated connection, ~50 MB for never-answered
     * calls) in a heap of at most 128 MiB.
     */
    private static final long HEAP_TOLERANCE_KIB = 12 * 1024;
    /** Descriptors that may come and go on their own (log rolling, a late JAR or socket of Karaf itself). */
    private static final int FD_TOLERANCE = 12;
    /** Ten missed ticks in a row is a stall a user sees; the machine's own hiccups stay well below. */
    private static final long MAX_STALL_MILLIS = 10_000;

    private KarafProcess root;
    private KarafProcess module;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(root, module);
    }

    @Test
    public void hubAndDashboardSurviveAMinuteOfHostileInput() throws Exception {
        long seed = Long.getLong("kervi.fuzz.seed", new Random().nextLong());
        long seconds = Long.getLong("kervi.fuzz.seconds", 60);
        String replay = " (seed " + seed + "; replay with -Dkervi.fuzz.seed=" + seed + ")";
        log("seed " + seed + ", " + seconds + " s of fuzzing; replay with -Dkervi.fuzz.seed=" + seed);

        int hubPort = Ports.free();
        int httpPort = Ports.free();
        root = new KarafProcess("fuzz-root").withConfig("org.kervi.core", Map.of("instanceId", "root"))
                .withConfig("org.kervi.ipc", ipc("hub", hubPort))
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(httpPort)))
                .withBootFeatures("kervi-ipc", "kervi-dashboard");
        module = new KarafProcess("fuzz-module").withConfig("org.kervi.core", Map.of("instanceId", "module"))
                .withConfig("org.kervi.ipc", ipc("client", hubPort)).withBootFeatures("kervi-ipc");
        ProducerBundle.write(module.home().resolve("deploy/tick-producer.jar"), TickProducer.class);
        KarafProcess.startAll(root, module);

        String base = "http://127.0.0.1:" + httpPort + "/kervi/";
        DashboardApiIT.awaitDashboard(base);
        TickWatch ticks = new TickWatch(login(base).client(), TickProducer.TICK);
        double first = Poll.until("the module's " + TickProducer.TICK + " in the root", TIMEOUT,
                () -> {
                    double tick = ticks.read();
                    return Double.isNaN(tick) ? null : tick;
                });
        Poll.until(TickProducer.TICK + " counting in the root", TIMEOUT,
                () -> ticks.read() >= first + 5 ? Boolean.TRUE : null);

        InetSocketAddress hub = new InetSocketAddress("127.0.0.1", hubPort);
        InetSocketAddress http = new InetSocketAddress("127.0.0.1", httpPort);
        HubHandshake handshake = new HubHandshake(SECRET, APP);
        List<Session> sessions = List.of(login(base), login(base));

        FuzzTally warmUp = new FuzzTally();
        fuzz(seed + 1_000, WARM_UP, hub, http, handshake, sessions, warmUp);
        log("warm-up:\n" + warmUp.report());
        long heapBaseline = JvmGauges.heapUsedAfterGcKiB(root.pid());
        int fdBaseline = JvmGauges.openFileDescriptors(root.pid());
        log("baseline after the warm-up: heap after GC " + heapBaseline + " KiB, " + fdBaseline + " descriptors");

        FuzzTally tally = new FuzzTally();
        ChallengeProbe challenges = new ChallengeProbe(hub, handshake, tally, CHALLENGE_BOUND);
        ScheduledExecutorService watchers = Executors.newScheduledThreadPool(2);
        ticks.reset();
        watchers.scheduleWithFixedDelay(challenges::probe, 0, 500, TimeUnit.MILLISECONDS);
        watchers.scheduleWithFixedDelay(ticks::sample, 0, 200, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try {
            fuzz(seed, Duration.ofSeconds(seconds), hub, http, handshake, sessions, tally);
        } finally {
            watchers.shutdownNow();
            assertTrue(watchers.awaitTermination(30, TimeUnit.SECONDS));
        }
        log(String.format("%.0f s of fuzzing:%n%s", (System.nanoTime() - start) / 1e9, tally.report()));
        log("challenges to fresh connections: " + challenges.probes() + ", slowest " + challenges.slowestMillis()
                + " ms; longest time without a new " + TickProducer.TICK + " in the root: "
                + ticks.longestStallMillis() + " ms");

        assertTrue("the root is up" + replay, root.isAlive());
        assertTrue("the module is up" + replay, module.isAlive());
        assertTrue("fresh connections were greeted during the fuzzing" + replay, challenges.probes() >= seconds);
        assertTrue("the fuzz client got in after a correct v3 handshake" + replay + ":\n" + tally.report(),
                tally.count("post-auth: welcomed", false) > 0);
        assertTrue("the dashboard answered (4xx for bad requests)" + replay, tally.count("http: 4xx", false) > 0);
        assertTrue("the module's value kept reaching the root: no new " + TickProducer.TICK + " for "
                + ticks.longestStallMillis() + " ms (" + ticks.lastProblem() + ")" + replay,
                ticks.longestStallMillis() <= MAX_STALL_MILLIS);
        double afterFuzz = ticks.last();
        Poll.until(TickProducer.TICK + " still counting after the fuzzing", TIMEOUT,
                () -> ticks.read() >= afterFuzz + 10 ? Boolean.TRUE : null);

        long[] heap = {0};
        int[] fds = {0};
        Poll.until("heap after GC within " + HEAP_TOLERANCE_KIB + " KiB of " + heapBaseline + " KiB and descriptors"
                + " within " + FD_TOLERANCE + " of " + fdBaseline + replay, TIMEOUT, () -> {
                    heap[0] = JvmGauges.heapUsedAfterGcKiB(root.pid());
                    fds[0] = JvmGauges.openFileDescriptors(root.pid());
                    if (heap[0] <= heapBaseline + HEAP_TOLERANCE_KIB && fds[0] <= fdBaseline + FD_TOLERANCE) {
                        return Boolean.TRUE;
                    }
                    throw new IllegalStateException("heap after GC " + heap[0] + " KiB, " + fds[0] + " descriptors");
                });
        log("after the fuzzing: heap after GC " + heap[0] + " KiB (baseline " + heapBaseline + "), " + fds[0]
                + " descriptors (baseline " + fdBaseline + ")");
        assertTrue("the root is still up" + replay, root.isAlive());
        assertEquals("findings during the warm-up" + replay + ":\n" + warmUp.report(), 0, warmUp.findings());
        assertEquals("findings" + replay + ":\n" + tally.report(), 0, tally.findings());
    }

    /** Hub and dashboard fuzzers, two each, each with its own seeded stream; returns when all have finished. */
    private static void fuzz(long seed, Duration length, InetSocketAddress hub, InetSocketAddress http,
            HubHandshake handshake, List<Session> sessions, FuzzTally tally) throws InterruptedException {
        long deadline = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HubFuzzer hubFuzzer = new HubFuzzer(hub, handshake, "fuzz-h" + i, new Mutations(new Random(seed + i)),
                    tally, deadline, HUB_BOUND);
            Session s = sessions.get(i);
            DashboardFuzzer httpFuzzer = new DashboardFuzzer(http, "/kervi/api/", s.id(), s.csrf(),
                    new Mutations(new Random(seed + 100 + i)), tally, deadline, HTTP_BOUND);
            threads.add(new Thread(hubFuzzer, "hub-fuzzer-" + i));
            threads.add(new Thread(httpFuzzer, "dashboard-fuzzer-" + i));
        }
        threads.forEach(t -> t.setUncaughtExceptionHandler((t1, e) -> tally.finding(t1.getName() + " died: " + e)));
        threads.forEach(Thread::start);
        long joinBy = deadline + HTTP_BOUND.toNanos() + Duration.ofSeconds(30).toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                tally.finding(t.getName() + " did not finish: " + Arrays.toString(t.getStackTrace()));
                t.interrupt();
            }
        }
    }

    /** A logged-in dashboard session: its client, cookie value and CSRF token. */
    record Session(DashboardClient client, String id, String csrf) {}

    private static Session login(String base) {
        DashboardClient c = new DashboardClient(base);
        Reply r = c.login("karaf", "karaf");
        assertEquals(r.toString(), 200, r.status());
        String cookie = String.join(";", r.headers().allValues("set-cookie"));
        Matcher m = Pattern.compile("JSESSIONID=([^;]+)").matcher(cookie);
        assertTrue(cookie, m.find());
        return new Session(c, m.group(1), r.json().get("csrf").getAsString());
    }

    private static Map<String, String> ipc(String role, int port) {
        return Map.of("role", role, "port", Integer.toString(port), "secret", SECRET, "applicationId", APP);
    }

    private static void log(String message) {
        System.out.println("[SecurityFuzzIT] " + message);
    }
}
