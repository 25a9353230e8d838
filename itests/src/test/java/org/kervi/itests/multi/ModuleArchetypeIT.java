package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.KarafProcess;

/**
 * Issue 15 points 1 and 2, as a module author and an operator meet them: {@code mvn archetype:generate} with the
 * archetype this build made, {@code mvn verify} of the generated project (its tests on kervi-testing, its .kar), all
 * offline against the artifacts this build staged; then the .kar dropped into {@code deploy/} of a running
 * application, and the application's configuration runs it as a module in its own instance — the root's bundles
 * untouched, the module's values in the root's {@code kervi:values}, its action callable from there.
 */
public class ModuleArchetypeIT {
    private static final String ARTIFACT_ID = "greenroom";
    private static final String VERSION = "1.0.0-SNAPSHOT";
    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private KarafProcess root;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(root);
    }

    @Test
    public void aGeneratedModuleBuildsAndJoinsARunningApplicationAsAKar() throws Exception {
        root = new KarafProcess("root").withConfig("org.kervi.ipc", CrossInstanceIT.ipc("hub", Ports.free()))
                .withConfig("org.kervi.core", Map.of("readyOnStart", "false"))
                .withConfig("org.kervi.app", Map.of("appId", "it", "name", "Archetype", "startupTimeoutSeconds", "90",
                        "modules", "controllers", "module.controllers.features", "kervi-example-controllers"));
        root.launch();

        Path work = Files.createDirectories(Paths.get(System.getProperty("kervi.archetypeWork")));
        Path project = work.resolve(ARTIFACT_ID);
        deleteRecursively(project);
        // the plugin in full: offline, Maven cannot look the "archetype:" prefix up
        maven(work, "generate", "org.apache.maven.plugins:maven-archetype-plugin:"
                + System.getProperty("kervi.archetypePluginVersion") + ":generate", "-DinteractiveMode=false",
                "-DarchetypeGroupId=org.kervi", "-DarchetypeArtifactId=kervi-module-archetype",
                "-DarchetypeVersion=" + System.getProperty("kervi.version"),
                "-DgroupId=com.example.greenroom", "-DartifactId=" + ARTIFACT_ID, "-Dversion=" + VERSION,
                "-Dpackage=com.example.greenroom");
        for (String file : new String[] {"pom.xml", "README.md", "src/main/feature/feature.xml",
                "src/main/java/com/example/greenroom/TemperatureSensor.java",
                "src/main/java/com/example/greenroom/TemperatureDriver.java",
                "src/main/java/com/example/greenroom/SimulatedTemperatureDriver.java",
                "src/main/java/com/example/greenroom/HeaterController.java",
                "src/test/java/com/example/greenroom/HeaterControllerTest.java"}) {
            assertTrue("generated " + file, Files.isRegularFile(project.resolve(file)));
        }
        assertFalse("the README's Velocity is resolved", Files.readString(project.resolve("README.md"))
                .contains("${"));

        String build = maven(project, "build", "verify");
        assertTrue("the generated tests ran:\n" + build,
                build.contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0"));
        Path kar = project.resolve("target/" + ARTIFACT_ID + "-" + VERSION + ".kar");
        assertTrue("the build made " + kar, Files.isRegularFile(kar));

        root.awaitReady();
        root.execute("feature:install kervi-ipc kervi-app", Duration.ofSeconds(120));
        root.awaitOutput("kervi:value-get app.state", out -> out.trim().equals("running"), FanDemoIT.APP_READY);
        String before = root.awaitOutput("kervi:modules --no-format",
                out -> "running".equals(FanDemoIT.cell(out, "controllers", 2)), FanDemoIT.APP_READY);
        String bundlesBefore = root.execute("bundle:list -t 0 --no-format");
        long logBefore = Files.size(root.karafLog());

        Files.copy(kar, root.home().resolve("deploy").resolve(kar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        String features = root.awaitOutput("feature:list --no-format",
                out -> !FanDemoIT.cell(out, ARTIFACT_ID, 3).startsWith("(no row"), TIMEOUT);
        assertEquals("Karaf-Feature-Start: false, install=\"manual\": the KAR only makes the feature known",
                "Uninstalled", FanDemoIT.cell(features, ARTIFACT_ID, 3));

        root.execute("config:property-set -p org.kervi.app module.greenroom.features " + ARTIFACT_ID);
        root.execute("config:property-set -p org.kervi.app modules \"controllers, greenroom\"");
        String modules = root.awaitOutput("kervi:modules --no-format",
                out -> "running".equals(FanDemoIT.cell(out, "greenroom", 2)), FanDemoIT.APP_READY);
        assertNotEquals("the module runs in an instance of its own", root.pid(), FanDemoIT.pid(modules, "greenroom"));
        assertEquals("the other module kept its process", FanDemoIT.pid(before, "controllers"),
                FanDemoIT.pid(modules, "controllers"));
        String values = root.awaitOutput("kervi:values --no-format",
                out -> !CrossInstanceIT.ownerOf(out, "greenroom_temperature").startsWith("(no row")
                        && !CrossInstanceIT.ownerOf(out, "greenroom_heater.power").startsWith("(no row"), TIMEOUT);
        assertEquals("the module's instance owns its values", "greenroom",
                CrossInstanceIT.ownerOf(values, "greenroom_temperature"));

        root.execute("kervi:value-set greenroom_temperature.simulated 18");
        root.awaitOutput("kervi:value-get greenroom_heater.temperature", out -> out.trim().startsWith("18 "),
                TIMEOUT);
        assertEquals("two degrees below the 20 °C target", "50 %",
                root.execute("kervi:action greenroom_heater.activate true").trim());

        assertEquals("no bundle of the root was added, removed, refreshed or stopped", bundlesBefore,
                root.execute("bundle:list -t 0 --no-format"));
        String logSince = tail(root.karafLog(), logBefore);
        assertFalse("nothing refreshed:\n" + logSince, logSince.contains("Refreshing bundles"));
    }

    /** Runs the Maven of this build offline; fails with the end of its output if it does not succeed. */
    private static String maven(Path directory, String what, String... goals) throws Exception {
        Path log = directory.resolve(what + ".log");
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("kervi.maven"), "-B", "-o", "-ntp",
                // this build's artifacts first, then everything else the user's repository holds (Maven 3.9)
                "-Dmaven.repo.local=" + directory.getParent().resolve("repository-" + what),
                "-Dmaven.repo.local.tail=" + System.getProperty("kervi.archetypeRepository") + ","
                        + System.getProperty("kervi.localRepository")));
        command.addAll(List.of(goals));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_OPTS");
        Process maven = builder.start();
        if (!maven.waitFor(MAVEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", goals) + " not done within " + MAVEN_TIMEOUT + ":\n"
                    + KarafProcess.tail(log, 60));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals("mvn " + String.join(" ", goals) + " in " + directory + ":\n" + KarafProcess.tail(log, 80), 0,
                maven.exitValue());
        return output;
    }

    private static String tail(Path file, long from) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
