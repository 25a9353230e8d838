package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.kervi.itests.multi.RawHttp.Response;
import org.kervi.testkit.KarafProcess;

/**
 * The dashboard's doors under attack (issue #12), on a real Karaf with the fan demo's modules: session fixation and
 * the session cookie, stream caps, the Host check, login throttling per account and per address, strict JSON. Each
 * test uses its own accounts and client addresses (127.0.0.x), so the throttle of one never touches another.
 */
public class DashboardSecurityIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_STREAMS = 12;
    private static final int PER_USER = 8;
    private static final int PER_ADDRESS = 5;
    private static final int FREE_ATTEMPTS = 5;
    private static KarafProcess karaf;
    private static int port;

    @BeforeClass
    public static void startKaraf() {
        port = Ports.free();
        karaf = new KarafProcess("dashboard-security")
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(port)))
                .withFile("etc/users.properties", DashboardApiIT.usersWithViewer()
                        + "victim = right-one,viewer\nvictim2 = right-two,viewer\nvictim3 = right-three,viewer\n")
                .withConfig("org.kervi.dashboard", Map.of("maxStreams", Integer.toString(MAX_STREAMS),
                        "maxStreamsPerUser", Integer.toString(PER_USER),
                        "maxStreamsPerAddress", Integer.toString(PER_ADDRESS),
                        "allowedHosts", "kervi.test",
                        "loginFreeAttempts", Integer.toString(FREE_ATTEMPTS),
                        "loginLockoutAttempts", Integer.toString(FREE_ATTEMPTS),
                        "loginDelaySeconds", "60"))
                .start();
        karaf.execute("feature:install kervi-dashboard kervi-example-sensors-simulated kervi-example-controllers",
                Duration.ofSeconds(120));
        DashboardApiIT.awaitDashboard("http://127.0.0.1:" + port + "/kervi/");
    }

    @AfterClass
    public static void stopKaraf() {
        KarafProcess.closeAll(karaf);
    }

    private static RawHttp from(String address) {
        return new RawHttp(address, port);
    }

    private static String loginBody(String user, String password) {
        JsonObject o = new JsonObject();
        o.addProperty("user", user);
        o.addProperty("password", password);
        return o.toString();
    }

    private static Response login(RawHttp client, String user, String password, String cookie) {
        return client.send("POST", "/kervi/api/login", cookie == null ? Map.of() : Map.of("Cookie", cookie),
                loginBody(user, password));
    }

    /** A logged-in raw client: the cookie header to send. */
    private static String session(RawHttp client, String user, String password) {
        Response r = login(client, user, password, null);
        assertEquals(r.toString(), 200, r.status());
        return "JSESSIONID=" + r.cookie("JSESSIONID");
    }

    private static String error(Response r) {
        return JsonParser.parseString(r.body()).getAsJsonObject().get("error").getAsString();
    }

    @Test
    public void aLoginGetsANewSessionIdAndAStrictCookieOnTheDashboardsPath() {
        RawHttp attacker = from("127.0.0.2");
        String planted = session(attacker, "viewer", "viewer");
        RawHttp victim = from("127.0.0.3");
        Response admin = login(victim, "karaf", "karaf", planted);
        assertEquals(admin.toString(), 200, admin.status());
        String id = admin.cookie("JSESSIONID");
        assertNotNull(admin.toString(), id);
        assertNotEquals("the login kept the planted id", planted, "JSESSIONID=" + id);
        List<String> cookies = admin.all("set-cookie");
        assertEquals(cookies.toString(), 1, cookies.size());
        String cookie = cookies.get(0);
        assertTrue(cookie, cookie.contains("; Path=/kervi;") || cookie.endsWith("; Path=/kervi"));
        assertTrue(cookie, cookie.contains("HttpOnly"));
        assertTrue(cookie, cookie.contains("SameSite=Strict"));
        assertFalse("no Secure over plain HTTP: " + cookie, cookie.contains("Secure"));
        for (String path : new String[] {"/kervi/api/session", "/kervi/api/model"}) {
            Response stolen = attacker.send("GET", path, Map.of("Cookie", planted), null);
            assertEquals("the planted id reads " + path + ": " + stolen, 401, stolen.status());
        }
        Response model = victim.send("GET", "/kervi/api/model", Map.of("Cookie", "JSESSIONID=" + id), null);
        assertEquals(200, model.status());
        assertTrue("no second session cookie later: " + model.all("set-cookie"), model.all("set-cookie").isEmpty());

        Response invented = login(victim, "karaf", "karaf", "JSESSIONID=node0plantedbyattacker123.node0");
        assertEquals(200, invented.status());
        assertFalse(invented.cookie("JSESSIONID").contains("plantedbyattacker"));
    }

    @Test
    public void streamsBeyondAUsersOrAnAddressesCapGet503WithRetryAfter() throws Exception {
        List<Socket> open = new ArrayList<>();
        try {
            String karafSession = session(from("127.0.0.11"), "karaf", "karaf");
            for (int i = 0; i < PER_USER; i++) {
                assertEquals(200, openStream(from("127.0.0.1" + (1 + i / 2)), karafSession, open).status());
            }
            Response refused = openStream(from("127.0.0.19"), karafSession, open);
            assertEquals(refused.toString(), 503, refused.status());
            assertEquals("10", refused.header("Retry-After"));
            assertFalse(refused.header("Content-Type"), refused.header("Content-Type").contains("event-stream"));
            assertTrue(refused.body(), error(refused).contains("user 'karaf' has " + PER_USER + " live streams"));
            closeAll(open);
            awaitStreams(0);

            String viewer = session(from("127.0.0.20"), "viewer", "viewer");
            for (int i = 0; i < PER_ADDRESS; i++) {
                assertEquals(200, openStream(from("127.0.0.20"), viewer, open).status());
            }
            Response byAddress = openStream(from("127.0.0.20"), viewer, open);
            assertEquals(byAddress.toString(), 503, byAddress.status());
            assertTrue(byAddress.body(), error(byAddress).contains("127.0.0.20 has " + PER_ADDRESS));
            assertEquals(200, openStream(from("127.0.0.21"), viewer, open).status());
        } finally {
            closeAll(open);
            awaitStreams(0);
        }
    }

    /** 40 streams asked for at once from 20 addresses by two users: exactly the cap get in. */
    @Test
    public void simultaneousStreamsNeverExceedTheCap() throws Exception {
        List<Socket> open = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            String karafSession = session(from("127.0.0.30"), "karaf", "karaf");
            String viewer = session(from("127.0.0.30"), "viewer", "viewer");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                RawHttp client = from("127.0.0." + (40 + i % 20));
                String cookie = i % 2 == 0 ? karafSession : viewer;
                Callable<Integer> ask = () -> {
                    start.await();
                    return openStream(client, cookie, open).status();
                };
                statuses.add(pool.submit(ask));
            }
            start.countDown();
            int ok = 0;
            int refused = 0;
            for (Future<Integer> s : statuses) {
                int status = s.get();
                ok += status == 200 ? 1 : 0;
                refused += status == 503 ? 1 : 0;
            }
            assertEquals("streams let in", MAX_STREAMS, ok);
            assertEquals("streams refused", 40 - MAX_STREAMS, refused);
            String listed = karaf.execute("kervi:dashboard-streams --no-format");
            assertEquals(listed, MAX_STREAMS, streamLines(listed));
        } finally {
            pool.shutdownNow();
            closeAll(open);
            awaitStreams(0);
        }
    }

    private static Response openStream(RawHttp client, String cookie, List<Socket> open) {
        List<Response> head = new ArrayList<>();
        Socket s = client.open("/kervi/api/stream", Map.of("Cookie", cookie, "Accept", "text/event-stream"), head);
        Response r = head.get(0);
        if (r.status() == 200) {
            open.add(s);
            return r;
        }
        try {
            return new Response(r.status(), r.headers(), new String(s.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            RawHttp.closeQuietly(s);
        }
    }

    private static void closeAll(List<Socket> open) {
        synchronized (open) {
            open.forEach(RawHttp::closeQuietly);
            open.clear();
        }
    }

    private static int streamLines(String listed) {
        return (int) listed.lines().filter(l -> l.matches("\\s*\\d+\\s.*")).count();
    }

    /** Closed sockets are noticed at the next write (a ping at the latest): wait until the server has let go. */
    private static void awaitStreams(int count) {
        Poll.until(count + " streams open", TIMEOUT, () -> streamLines(karaf.execute(
                "kervi:dashboard-streams --no-format")) == count ? Boolean.TRUE : null);
    }

    @Test
    public void anotherHostNameIsRefusedWith421() {
        RawHttp client = from("127.0.0.60");
        for (String path : new String[] {"/kervi/", "/kervi/app.js", "/kervi/api/session", "/kervi/api/model"}) {
            Response r = client.send("GET", path, Map.of("Host", "rebound.evil.example:" + port), null);
            assertEquals(path + ": " + r, 421, r.status());
            assertTrue(r.body(), error(r).contains("host 'rebound.evil.example:" + port + "' is not served here"));
        }
        Response login = client.send("POST", "/kervi/api/login", Map.of("Host", "rebound.evil.example"),
                loginBody("karaf", "karaf"));
        assertEquals(login.toString(), 421, login.status());
        assertNull(login.cookie("JSESSIONID"));
        for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "kervi.test:" + port,
                "KERVI.TEST"}) {
            assertEquals(host, 200, client.send("GET", "/kervi/", Map.of("Host", host), null).status());
        }
    }

    /** Guesses for one account from ever new addresses: after the free attempts the account itself waits. */
    @Test
    public void guessesForOneAccountAreThrottledWhateverTheAddress() throws Exception {
        long logFrom = Files.size(karaf.karafLog());
        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            Response r = login(from("127.0.0." + (100 + i)), "victim", "guess-" + i, null);
            assertEquals(r.toString(), 401, r.status());
        }
        Response refused = login(from("127.0.0.110"), "victim", "guess-x",
                null);
        assertEquals(refused.toString(), 429, refused.status());
        assertTrue(error(refused), error(refused).startsWith("locked out after " + FREE_ATTEMPTS
                + " failed logins for account 'victim'; try again in "));
        assertTrue(refused.header("Retry-After"), Integer.parseInt(refused.header("Retry-After")) > 800);
        Response forwarded = login(from("127.0.0.111"), "victim", "right-one", null);
        assertEquals("the right password waits too: " + forwarded, 429, forwarded.status());
        Response spoofed = from("127.0.0.112").send("POST", "/kervi/api/login",
                Map.of("X-Forwarded-For", "203.0.113.9"), loginBody("victim", "guess-y"));
        assertEquals(429, spoofed.status());
        String log = Files.readString(karaf.karafLog()).substring((int) logFrom);
        assertTrue(log, log.contains("Dashboard logins of account 'victim' locked out for 15 min after "
                + FREE_ATTEMPTS + " attempts (the last from 127.0.0.104)"));
        assertEquals("other accounts are untouched", 200, login(from("127.0.0.113"), "victim3", "right-three", null)
                .status());
    }

    /** 200 simultaneous wrong logins for one account: only the free attempts reach the password check. */
    @Test
    public void simultaneousGuessesAreCountedBeforeTheyAreChecked() throws Exception {
        long logFrom = Files.size(karaf.karafLog());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                RawHttp client = from("127.0.1." + (i % 50 + 1));
                String guess = "guess-" + i;
                Callable<Integer> ask = () -> {
                    start.await();
                    return login(client, "victim2", guess, null).status();
                };
                statuses.add(pool.submit(ask));
            }
            start.countDown();
            int checked = 0;
            int throttled = 0;
            for (Future<Integer> s : statuses) {
                int status = s.get();
                checked += status == 401 ? 1 : 0;
                throttled += status == 429 ? 1 : 0;
            }
            assertEquals("wrong passwords checked", FREE_ATTEMPTS, checked);
            assertEquals(200 - FREE_ATTEMPTS, throttled);
            String log = Files.readString(karaf.karafLog()).substring((int) logFrom);
            Matcher m = Pattern.compile("Dashboard login failed for user 'victim2'").matcher(log);
            int failures = 0;
            while (m.find()) {
                failures++;
            }
            assertEquals(FREE_ATTEMPTS, failures);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One address trying many accounts: after the free attempts that address waits, for every account. */
    @Test
    public void guessesFromOneAddressAreThrottledWhateverTheAccount() {
        RawHttp client = from("127.0.0.200");
        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            assertEquals(401, login(client, "nobody" + i, "guess", null).status());
        }
        Response refused = login(client, "karaf", "karaf", null);
        assertEquals(refused.toString(), 429, refused.status());
        assertTrue(error(refused), error(refused).contains("from 127.0.0.200"));
        assertEquals("another address logs in", 200, login(from("127.0.0.201"), "karaf", "karaf", null).status());
    }

    @Test
    public void bodiesMustBeStrictJsonAndNumbersRepresentable() throws Exception {
        DashboardClient c = new DashboardClient("http://127.0.0.1:" + port + "/kervi/");
        assertEquals(200, c.login("karaf", "karaf").status());
        long logFrom = Files.size(karaf.karafLog());
        String[][] cases = {
            {"{\"value\":1e999999999}", "out of range"},
            {"{\"value\":-1e400}", "out of range"},
            {"{\"value\":9223372036854775808}", "out of range"},
            {"{value:30}", "malformed JSON"},
            {"{'value':30}", "malformed JSON"},
            {"{\"value\":30 /* comment */}", "malformed JSON"},
            {"{\"value\":30} trailing", "malformed JSON"},
            {"{\"value\":NaN}", "malformed JSON"},
            {"{\"value\":Infinity}", "malformed JSON"},
        };
        for (String[] bad : cases) {
            DashboardClient.Reply r = c.put("api/values/fan_controller.temp", bad[0]);
            assertEquals(bad[0] + " -> " + r, 400, r.status());
            assertTrue(bad[0] + " -> " + r, r.error().contains(bad[1]));
            assertFalse(r.error(), r.error().toLowerCase(Locale.ROOT).contains("exception"));
        }
        DashboardClient.Reply args = c.post("api/actions/fan_controller.activate", "{\"args\":[1e999999999]}");
        assertEquals(args.toString(), 400, args.status());
        assertTrue(args.toString(), args.error().startsWith("$.args[0]: 1e999999999 is out of range"));
        DashboardClient.Reply login = new DashboardClient(c.base()).send("POST", "api/login",
                "{\"user\":\"karaf\",\"password\":\"karaf\"} // me", Map.of());
        assertEquals(login.toString(), 400, login.status());
        assertEquals(200, c.put("api/values/fan_controller.temp", "{\"value\":30}").status());
        String log = Files.readString(karaf.karafLog()).substring((int) logFrom);
        assertFalse("a stack trace in the log: " + log, log.contains("\tat "));
    }
}
