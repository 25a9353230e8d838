package org.kervi.itests.setup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The README's test command, {@code ./test.sh}, checks what the tests need before Maven runs: here its check
 * ({@code --setup-only}) runs with the binaries' paths pointed at files that do not exist, once as a user without
 * sudo (it must stop at once with the exact command) and once as root with a fake {@code apt-get} first on the PATH
 * (it must call it, and find the binaries afterwards).
 */
public class TestSetupIT {
    private static final Path SCRIPT = Paths.get("..", "test.sh").toAbsolutePath().normalize();
    private static final String EXACT_COMMAND = "sudo sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive"
            + " apt-get install -y chromium chromium-driver'";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path fakeBin;
    private Path aptLog;
    private Path chromium;
    private Path chromedriver;
    private Path present;

    @Before
    public void fakes() throws IOException {
        fakeBin = temp.newFolder("bin").toPath();
        aptLog = temp.getRoot().toPath().resolve("apt-get.log");
        Path missing = temp.newFolder("missing").toPath();
        chromium = missing.resolve("chromium");
        chromedriver = missing.resolve("chromedriver");
        present = executable(temp.getRoot().toPath().resolve("present"), "#!/bin/sh\n");
        // an apt-get that records its arguments and environment, and installs the two missing binaries
        executable(fakeBin.resolve("apt-get"), "#!/bin/sh\n"
                + "echo \"DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*\" >> '" + aptLog + "'\n"
                + "if [ \"$1\" = install ] && [ -z \"$FAKE_APT_INSTALLS_NOTHING\" ]; then\n"
                + "  for f in \"$KERVI_NEED_CHROMIUM\" \"$KERVI_NEED_CHROMEDRIVER\"; do\n"
                + "    printf '#!/bin/sh\\n' > \"$f\" && chmod +x \"$f\"\n"
                + "  done\n"
                + "fi\n");
        // a sudo that refuses, as for a user who may not use it (a real sudo might be installed here)
        executable(fakeBin.resolve("sudo"), "#!/bin/sh\nexit 1\n");
    }

    @Test
    public void asAUserWithoutTheBinariesItStopsAtOnceWithTheExactCommand() throws Exception {
        Result r = run(Map.of("KERVI_SETUP_UID", "1000"));
        assertEquals(r.toString(), 1, r.status);
        assertTrue(r.toString(), r.output.contains("missing: chromium chromium-driver"));
        assertTrue(r.toString(), r.output.lines().anyMatch(l -> l.trim().equals(EXACT_COMMAND)));
        assertFalse("apt-get was called: " + r, Files.exists(aptLog));
        assertTrue("took " + r.millis + " ms", r.millis < 10_000);
    }

    @Test
    public void asRootItInstallsWhatIsMissingWithAptGet() throws Exception {
        Result r = run(Map.of("KERVI_SETUP_UID", "0"));
        assertEquals(r.toString(), 0, r.status);
        List<String> calls = Files.readAllLines(aptLog, StandardCharsets.UTF_8);
        assertEquals(r.toString(), List.of("DEBIAN_FRONTEND= update -q",
                "DEBIAN_FRONTEND=noninteractive install -y -q chromium chromium-driver"), calls);
        assertTrue(r.toString(), r.output.contains("Everything the tests need is installed."));
        assertTrue(Files.isExecutable(chromium) && Files.isExecutable(chromedriver));
    }

    @Test
    public void asRootItFailsWhenAptGetLeftSomethingMissing() throws Exception {
        Result r = run(Map.of("KERVI_SETUP_UID", "0", "FAKE_APT_INSTALLS_NOTHING", "yes"));
        assertEquals(r.toString(), 1, r.status);
        assertTrue(r.toString(), r.output.contains("these are still missing: chromium chromium-driver"));
    }

    @Test
    public void withEverythingThereItCallsNothing() throws Exception {
        executable(chromium, "#!/bin/sh\n");
        executable(chromedriver, "#!/bin/sh\n");
        Result r = run(Map.of("KERVI_SETUP_UID", "1000"));
        assertEquals(r.toString(), 0, r.status);
        assertFalse("apt-get was called: " + r, Files.exists(aptLog));
    }

    private Result run(Map<String, String> extra) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "--setup-only").redirectErrorStream(true)
                .directory(temp.getRoot());
        Map<String, String> env = builder.environment();
        env.put("PATH", fakeBin + ":/usr/local/bin:/usr/bin:/bin");
        env.remove("DEBIAN_FRONTEND");
        env.put("KERVI_NEED_CHROMIUM", chromium.toString());
        env.put("KERVI_NEED_CHROMEDRIVER", chromedriver.toString());
        env.put("KERVI_NEED_MOSQUITTO", present.toString());
        env.put("KERVI_NEED_MOSQUITTO_CLIENTS", present.toString());
        env.put("KERVI_NEED_DPKG_DEB", present.toString());
        env.putAll(extra);
        long started = System.nanoTime();
        Process p = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("test.sh --setup-only did not end within 60 s:\n" + output);
        }
        return new Result(p.exitValue(), output, (System.nanoTime() - started) / 1_000_000);
    }

    private static Path executable(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private record Result(int status, String output, long millis) {
        @Override
        public String toString() {
            return "exit " + status + " after " + millis + " ms:\n" + output;
        }
    }
}
