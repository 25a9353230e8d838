package org.kervi.itests.multi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.kervi.testkit.CfgFile;
import org.kervi.testkit.ReadyLine;

/**
 * The Debian package {@code kervi_<version>_all.deb} that the distribution module builds with jdeb: its control
 * fields, conffiles, systemd unit and maintainer scripts checked with {@code dpkg-deb}; then the package unpacked
 * with {@code dpkg-deb -x} into a temporary root and started from there ({@code bin/kervi-service} with
 * {@code KERVI_ROOT} pointing at it) in production mode with the fan demo dropped in as an operator would; and an
 * upgrade: the program files replaced by another build's, the history, a persisted input, the administrator and
 * the operator's edited configuration are all still there.
 */
public class DebianPackageIT {
    /** Boot plus the application's startup timeout (60 s) took up to 116 s here at load 35. */
    private static final Duration READY = Duration.ofSeconds(240);
    /** SIGTERM to exit took about a minute at load 35 (the unit allows 90 s before it kills). */
    private static final Duration STOP = Duration.ofSeconds(180);
    /** The dashboard's servlets can register a moment after the ready line (seen after the cache was cleared). */
    private static final Duration DASHBOARD = Duration.ofSeconds(180);
    /** A module that missed the application's startup timeout is started again after the ready line. */
    private static final Duration MODULE = Duration.ofSeconds(120);
    private static final String ADMIN = "admin";
    private static final String PASSWORD = "package admin pw";
    private static final String INPUT = "fan_controller.max_speed";

    private final TemporaryFolder temp = new TemporaryFolder();

    /** On a failure, the package's logs go to {@code target/failed/} before the temporary root is deleted. */
    @Rule
    public RuleChain rules = RuleChain.outerRule(temp).around(new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description test) {
            FailedLogs.keep(temp.getRoot().toPath(), "var/log/kervi", test);
        }
    });

    private PackagedKervi kervi;

    @After
    public void stop() {
        if (kervi != null) {
            kervi.kill();
        }
    }

    @Test
    public void packageHasItsControlFieldsConffilesUnitAndSoundMaintainerScripts() throws Exception {
        Path deb = DebianPackage.file();
        String version = DebianPackage.field(deb, "Version");
        assertEquals("kervi", DebianPackage.field(deb, "Package"));
        assertTrue(version, version.matches(
                java.util.regex.Pattern.quote(System.getProperty("kervi.version").replace("-SNAPSHOT", ""))
                        + "(~[0-9]{14})?"));
        assertEquals("all", DebianPackage.field(deb, "Architecture"));
        assertTrue(DebianPackage.field(deb, "Depends"), DebianPackage.field(deb, "Depends")
                .contains("java17-runtime-headless"));
        assertTrue("the build names it kervi_<version>_all.deb", Files.isRegularFile(
                Paths.get("..", "karaf-distribution", "target", "kervi_" + version + "_all.deb")));

        Path control = temp.newFolder("control").toPath();
        DebianPackage.dpkgDeb("-e", deb.toString(), control.toString());
        Set<String> conffiles = Set.copyOf(Files.readAllLines(control.resolve("conffiles")));
        List<String> contents = DebianPackage.dpkgDeb("-c", deb.toString()).lines().toList();
        List<String> etcFiles = contents.stream().filter(l -> l.startsWith("-"))
                .map(l -> l.substring(l.indexOf("./") + 1)).filter(p -> p.startsWith("/etc/")).toList();
        assertTrue(etcFiles.toString(), etcFiles.contains("/etc/kervi/org.ops4j.pax.web.cfg")
                && etcFiles.contains("/etc/kervi/users.properties") && etcFiles.contains("/etc/default/kervi"));
        for (String file : etcFiles) {
            assertTrue(file + " is not a conffile: " + conffiles, conffiles.contains(file));
        }
        assertTrue("program files in /usr/share/kervi", contents.stream().anyMatch(l -> l.endsWith(
                "./usr/share/kervi/bin/kervi-service") && l.startsWith("-rwxr-xr-x")));
        assertFalse("nothing of /var/lib/kervi/data in the package", contents.stream().anyMatch(l -> l.contains(
                "./var/lib/kervi/data/") && !l.endsWith("./var/lib/kervi/data/")));

        for (String script : List.of("postinst", "prerm", "postrm")) {
            Path file = control.resolve(script);
            assertTrue(script + " is not executable", Files.isExecutable(file));
            DebianPackage.run(List.of("sh", "-n", file.toString()));
        }
        String postrm = Files.readString(control.resolve("postrm"));
        assertTrue("data is removed only on purge:\n" + postrm,
                postrm.indexOf("rm -rf /var/lib/kervi") > postrm.indexOf("purge)")
                        && postrm.indexOf("rm -rf /var/lib/kervi") < postrm.indexOf("remove)"));

        Path root = temp.newFolder("root").toPath();
        DebianPackage.dpkgDeb("-x", deb.toString(), root.toString());
        Map<String, String> unit = DebianPackage.unitSettings(root.resolve("lib/systemd/system/kervi.service"));
        assertEquals("/usr/share/kervi/bin/kervi-service", unit.get("ExecStart"));
        assertEquals("on-failure", unit.get("Restart"));
        assertEquals("kervi", unit.get("User"));
        assertEquals("SIGTERM to the root JVM only, so that it runs app_exit first", "mixed", unit.get("KillMode"));
        assertEquals("multi-user.target", unit.get("WantedBy"));
    }

    @Test
    public void unpackedPackageRunsTheFanDemoAndAnUpgradeKeepsConfigurationAndData() throws Exception {
        Path deb = DebianPackage.file();
        Path root = temp.newFolder("root").toPath();
        DebianPackage.dpkgDeb("-x", deb.toString(), root.toString());
        // the operator's application: the fan demo's files into /etc/kervi and /var/lib/kervi/deploy
        Path application = root.resolve("usr/share/kervi/applications/fan-demo");
        copyAll(application.resolve("etc"), root.resolve("etc/kervi"));
        copyAll(application.resolve("deploy"), root.resolve("var/lib/kervi/deploy"));
        // the operator's edits: free ports here, and a setting of the application
        int http = Ports.free();
        Path etc = root.resolve("etc/kervi");
        CfgFile.put(etc.resolve("org.ops4j.pax.web.cfg"), Map.of("org.osgi.service.http.port", "" + http));
        CfgFile.put(etc.resolve("org.apache.karaf.shell.cfg"), Map.of("sshPort", "" + Ports.free()));
        CfgFile.put(etc.resolve("org.apache.karaf.management.cfg"), Map.of(
                "rmiRegistryPort", "" + Ports.free(), "rmiServerPort", "" + Ports.free()));
        CfgFile.put(etc.resolve("org.kervi.ipc.cfg"), Map.of("port", "" + Ports.free()));
        CfgFile.put(etc.resolve("org.kervi.app.cfg"), Map.of("stableAfterSeconds", "61"));
        // the work factor for a slow board (operators.md): each login costs one hash, on a loaded CI machine too
        CfgFile.put(etc.resolve("org.apache.karaf.jaas.cfg"), Map.of("encryption.iterations", "10000"));
        byte[] editedAppCfg = Files.readAllBytes(etc.resolve("org.kervi.app.cfg"));

        kervi = new PackagedKervi(root).launch();
        ReadyLine ready = kervi.awaitReady(READY);
        assertEquals("Fan demo", ready.application());
        assertTrue("production mode, the package's default: the first-run line\n" + kervi.console(),
                kervi.console().contains("Kervi first run: no administrator yet"));
        String base = "http://127.0.0.1:" + http + "/kervi/";
        JsonObject admin = new JsonObject();
        admin.addProperty("user", ADMIN);
        admin.addProperty("password", PASSWORD);
        DashboardClient.Reply setup = Poll.until("the first-run page", DASHBOARD, () -> {
            DashboardClient.Reply r = new DashboardClient(base).send("POST", "setup", admin.toString(), Map.of());
            return r.status() == 404 ? null : r;
        });
        // 403: an earlier POST of this loop set the administrator after its answer timed out (the login shows it)
        assertTrue(setup.toString(), setup.status() == 200 || setup.status() == 403);
        DashboardClient dashboard = loggedIn(base);
        DashboardClient signedIn = dashboard;
        // the controllers module may still be starting after the ready line on a loaded machine
        Poll.until("setting " + INPUT, MODULE, () -> {
            DashboardClient.Reply set = signedIn.put("api/values/" + INPUT, "{\"value\": 63}");
            if (set.status() != 200) {
                throw new IllegalStateException("PUT answered " + set);
            }
            return set;
        });
        long since = System.currentTimeMillis() - 600_000;
        int pointsBefore = awaitHistory(dashboard, "cpu_load", since, 3);
        assertTrue("history in /var/lib/kervi", Files.isRegularFile(root.resolve(
                "var/lib/kervi/data/kervi/history.db")));
        assertTrue("module instances in /var/lib/kervi/instances", Files.isDirectory(root.resolve(
                "var/lib/kervi/instances/controllers")));
        assertTrue("logs in /var/log/kervi", Files.isRegularFile(root.resolve("var/log/kervi/karaf.log")));
        assertEquals("nothing written among the program files", Set.of(), kervi.writtenUnderProgramFiles());

        kervi.stop(STOP);
        assertTrue("app_exit ran at SIGTERM:\n" + kervi.logTail(), Files.readString(root.resolve(
                "var/log/kervi/karaf.log"), StandardCharsets.ISO_8859_1).contains("app_exit returned"));
        long stoppedAt = System.currentTimeMillis();

        // version B: other program files (the same build, re-stamped), what dpkg does over the old ones
        Path versionB = temp.newFolder("b").toPath();
        DebianPackage.dpkgDeb("-x", deb.toString(), versionB.toString());
        Files.writeString(versionB.resolve("usr/share/kervi/kervi-build"), "upgrade test: version B\n");
        DebianPackage.deleteTree(root.resolve("usr"));
        Files.move(versionB.resolve("usr"), root.resolve("usr"));

        kervi = new PackagedKervi(root).launch();
        kervi.awaitReady(READY);
        assertTrue("the old bundle cache was cleared:\n" + kervi.console(),
                kervi.console().contains("program files changed"));
        assertFalse("no first-run line: the administrator is kept\n" + kervi.console(),
                kervi.console().contains("Kervi first run: no administrator yet"));
        dashboard = loggedIn(base);
        DashboardClient signedInAgain = dashboard;
        DashboardClient.Reply input = Poll.until(INPUT + " served again", MODULE, () -> {
            DashboardClient.Reply r = signedInAgain.get("api/values/" + INPUT);
            if (r.status() != 200) {
                throw new IllegalStateException("GET answered " + r);
            }
            return r;
        });
        assertEquals(input.toString(), 63.0, input.json().get("value").getAsDouble(), 0.0);
        JsonObject history = history(dashboard, "cpu_load", since, stoppedAt);
        assertTrue("history of version A kept: " + history, history.get("matched").getAsInt() >= pointsBefore);
        assertArrayEquals("the operator's edited configuration is unchanged", editedAppCfg,
                Files.readAllBytes(etc.resolve("org.kervi.app.cfg")));
        kervi.stop(STOP);
    }

    private static DashboardClient loggedIn(String base) {
        DashboardClient client = new DashboardClient(base);
        return Poll.until("a dashboard login as " + ADMIN, DASHBOARD, () -> {
            DashboardClient.Reply login = client.login(ADMIN, PASSWORD);
            if (login.status() != 200) {
                throw new IllegalStateException("login answered " + login);
            }
            return client;
        });
    }

    /** Waits until the store has at least {@code points} recorded points of {@code id}; returns how many. */
    private static int awaitHistory(DashboardClient dashboard, String id, long from, int points) {
        return Poll.until(points + " recorded points of " + id, Duration.ofSeconds(60), () -> {
            JsonObject h = history(dashboard, id, from, System.currentTimeMillis());
            boolean enough = h != null && "raw".equals(h.get("source").getAsString())
                    && h.get("matched").getAsInt() >= points;
            if (!enough) {
                throw new IllegalStateException("history answered " + h);
            }
            return h.get("matched").getAsInt();
        });
    }

    private static JsonObject history(DashboardClient dashboard, String id, long from, long to) {
        DashboardClient.Reply reply = dashboard.get("api/history?id=" + id + "&from=" + from + "&to=" + to);
        return reply.status() == 200 ? reply.json() : null;
    }

    private static void copyAll(Path from, Path into) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.collect(Collectors.toList())) {
                Files.copy(file, into.resolve(file.getFileName().toString()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
