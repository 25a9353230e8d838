package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.kervi.itests.multi.DashboardClient.Reply;
import org.kervi.testkit.KarafProcess;

/**
 * Issue #12, credentials: the distribution in production mode (its default) with an operator's old
 * {@code users.properties} holding {@code karaf = karaf}. karaf/karaf is refused by the dashboard, SSH and JMX; the
 * root prints a one-time token; the first-run page sets the administrator's password from elsewhere only with the
 * token (then never again) and from loopback without one; the new password opens all three doors; the users file
 * is owner-only.
 */
public class ProductionModeIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern TOKEN = Pattern.compile("Kervi first run: .*One-time token: ([0-9a-f]{32})");
    private static final String OLD_USERS = "karaf = karaf,_g_:admingroup\n"
            + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n";
    /** Looks like a request through a reverse proxy: not from this machine, so the token is needed. */
    private static final Map<String, String> FROM_ELSEWHERE = Map.of("X-Forwarded-For", "203.0.113.7");
    private static KarafProcess karaf;
    private static String base;

    @BeforeClass
    public static void start() throws IOException {
        int http = Ports.free();
        karaf = new KarafProcess("production")
                .withProductionMode()
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(http)))
                .withBootFeatures("kervi-dashboard");
        plantOldUsersFile();
        karaf.start();
        base = "http://127.0.0.1:" + http + "/kervi/";
    }

    @AfterClass
    public static void stop() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    public void onboardingThenTheNewPasswordOpensEveryDoorAndDefaultsNever() throws Exception {
        String token = awaitToken(1);
        assertTrue("the guard names the refused user and the fix",
                Poll.until("the guard's ERROR in karaf.log", TIMEOUT, () -> read(karaf.karafLog())
                        .contains("user 'karaf' had a plain-text password: refused in production mode") ? true : null));
        assertEquals("users.properties is owner-only", "rw-------", mode(usersFile()));
        assertFalse("the plain-text password is gone from the file", Files.readString(usersFile()).contains("karaf = karaf"));
        awaitSetupPage();

        assertDefaultRefusedEverywhere();

        DashboardClient elsewhere = new DashboardClient(base);
        Reply noToken = setupFromElsewhere(elsewhere, "admin", "first admin pw", null);
        assertEquals(noToken.toString(), 403, noToken.status());
        assertTrue(noToken.toString(), error(noToken).contains("one-time token"));
        Reply wrongToken = setupFromElsewhere(elsewhere, "admin", "first admin pw", "0123456789abcdef0123456789abcdef");
        assertEquals(403, wrongToken.status());
        assertEquals("wrong one-time token", error(wrongToken));
        Reply tooShort = setupFromElsewhere(elsewhere, "admin", "short", token);
        assertEquals(400, tooShort.status());
        assertTrue(error(tooShort), error(tooShort).contains("at least 8 characters"));

        Reply done = setupFromElsewhere(elsewhere, "admin", "first admin pw", token);
        assertEquals(done.toString(), 200, done.status());
        assertEquals("admin", done.json().get("user").getAsString());

        Reply again = setupFromElsewhere(elsewhere, "intruder", "another password", token);
        assertEquals("the token no longer works", 403, again.status());
        Reply loopbackAgain = setup(new DashboardClient(base), "intruder", "another password", null);
        assertEquals("the page refuses once an administrator exists", 403, loopbackAgain.status());
        assertEquals(410, new DashboardClient(base).send("GET", "setup", null, Map.of()).status());

        assertDoorsOpen("admin", "first admin pw");
        assertDefaultRefusedEverywhere();
        assertEquals("rw-------", mode(usersFile()));
        assertEquals("the SSH host key", "rw-------", mode(karaf.home().resolve("etc/host.key")));

        // kervi:passwd for scripts: from a 0600 file; with no console to prompt on, a clear error
        karaf.withCredentials("admin", "first admin pw");
        String noConsole = karaf.run("kervi:passwd bob").output();
        assertTrue(noConsole, noConsole.contains("no interactive console to prompt on"));
        Path passwordFile = karaf.home().resolve("bob.pw");
        Files.writeString(passwordFile, "bobs long password\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        String set = karaf.execute("kervi:passwd --password-file " + passwordFile + " bob");
        assertTrue(set, set.contains("Password of 'bob' set"));
        assertTrue("bob signs in over SSH", sshWorks("bob", "bobs long password"));
        String weak = karaf.run("kervi:passwd --password-file " + writeTemp("karaf") + " bob").output();
        assertTrue(weak, weak.contains("at least 8 characters"));
        assertEquals("rw-------", mode(usersFile()));
        String stored = Files.readString(usersFile());
        assertFalse("never stored in plain text", stored.contains("first admin pw"));
        assertTrue(stored, stored.contains("admin = {CRYPT}pbkdf2-sha512$"));

        // the operator's old file comes back (a restore from a backup): refused again, and onboarding from loopback
        karaf.stop();
        plantOldUsersFile();
        karaf.withProductionMode().start();
        String secondToken = awaitToken(2);
        assertNotEquals(token, secondToken);
        awaitSetupPage();
        assertDefaultRefusedEverywhere();
        Reply fromLoopback = setup(new DashboardClient(base), "operator", "second admin pw", null);
        assertEquals(fromLoopback.toString(), 200, fromLoopback.status());
        assertDoorsOpen("operator", "second admin pw");
        assertEquals("rw-------", mode(usersFile()));
    }

    private static void plantOldUsersFile() throws IOException {
        Path users = usersFile();
        Files.deleteIfExists(users);
        Files.writeString(users, OLD_USERS, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static Path usersFile() {
        return karaf.home().resolve("etc/users.properties");
    }

    /** The token of the {@code nth} start, from the root's stdout (console.log). */
    private static String awaitToken(int nth) {
        return Poll.until("first-run token line number " + nth + " on the root's stdout", TIMEOUT, () -> {
            Matcher m = TOKEN.matcher(read(karaf.consoleLog()));
            String last = null;
            int count = 0;
            while (m.find()) {
                last = m.group(1);
                count++;
            }
            return count >= nth ? last : null;
        });
    }

    private static void awaitSetupPage() {
        DashboardClient probe = new DashboardClient(base);
        try {
            Poll.until("the first-run page", TIMEOUT, () -> {
                Reply page = probe.send("GET", "setup", null, Map.of());
                if (page.status() != 200) {
                    throw new IllegalStateException("GET setup answered " + page);
                }
                return true;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n---- tail of the root's karaf.log ----\n"
                    + KarafProcess.tail(karaf.karafLog(), 60), e);
        }
    }

    private static Reply setup(DashboardClient client, String user, String password, String token) {
        return setup(client, Map.of(), user, password, token);
    }

    private static Reply setupFromElsewhere(DashboardClient client, String user, String password, String token) {
        return setup(client, FROM_ELSEWHERE, user, password, token);
    }

    private static Reply setup(DashboardClient client, Map<String, String> headers, String user, String password,
            String token) {
        JsonObject body = new JsonObject();
        body.addProperty("user", user);
        body.addProperty("password", password);
        if (token != null) {
            body.addProperty("token", token);
        }
        return client.send("POST", "setup", body.toString(), headers);
    }

    private static String error(Reply reply) {
        return reply.json() == null || !reply.json().has("error") ? "" : reply.json().get("error").getAsString();
    }

    private static void assertDefaultRefusedEverywhere() {
        assertEquals("dashboard login karaf/karaf", 401, new DashboardClient(base).login("karaf", "karaf").status());
        assertFalse("SSH login karaf/karaf", sshWorks("karaf", "karaf"));
        assertFalse("JMX login karaf/karaf", jmxWorks("karaf", "karaf"));
    }

    private static void assertDoorsOpen(String user, String password) {
        assertEquals("dashboard login " + user, 200, new DashboardClient(base).login(user, password).status());
        assertTrue("SSH login " + user, sshWorks(user, password));
        assertTrue("JMX login " + user, jmxWorks(user, password));
    }

    private static boolean sshWorks(String user, String password) {
        karaf.withCredentials(user, password);
        try {
            String out = karaf.execute("kervi:passwd --help");
            assertTrue(out, out.contains("kervi:passwd"));
            return true;
        } catch (UncheckedIOException e) {
            if (String.valueOf(e.getMessage()).contains("authentication")) {
                return false; // "No more authentication methods available": the password was refused
            }
            throw e;
        }
    }

    /** Logs in over JMX (waiting while the RMI connector is not up yet); false when the login is refused. */
    private static boolean jmxWorks(String user, String password) {
        return Poll.until("a JMX answer on port " + karaf.rmiRegistryPort(), TIMEOUT, () -> jmxLogin(user, password));
    }

    /** True, false (refused), or null when JMX is not reachable yet. */
    private static Boolean jmxLogin(String user, String password) {
        Map<String, Object> env = new HashMap<>();
        env.put(JMXConnector.CREDENTIALS, new String[] {user, password});
        try {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + karaf.rmiRegistryPort()
                    + "/karaf-root");
            try (JMXConnector connector = JMXConnectorFactory.connect(url, env)) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                Object uptime = server.getAttribute(new ObjectName("java.lang:type=Runtime"), "Uptime");
                assertTrue(String.valueOf(uptime), ((Long) uptime) > 0);
                return true;
            }
        } catch (SecurityException refused) {
            return false;
        } catch (IOException notUpYet) {
            return null;
        } catch (javax.management.JMException e) {
            throw new AssertionError("JMX logged in but could not read java.lang:type=Runtime", e);
        }
    }

    private static Path writeTemp(String content) throws IOException {
        Path file = karaf.home().resolve("weak.pw");
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
