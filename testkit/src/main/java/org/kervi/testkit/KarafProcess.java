package org.kervi.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Karaf process started from the built Kervi distribution, for multi-instance integration tests and
 * benchmarks.
 *
 * <p>The constructor unpacks the distribution's tar.gz into a fresh folder
 * {@code target/instances/<name>-<random>} and gives it its own free SSH and RMI ports; {@link #withConfig}
 * writes any {@code etc/<pid>.cfg} before (or, picked up by Karaf's file install, after) the start. {@link #start}
 * runs {@code bin/karaf daemon} (the script {@code exec}s java, so the child process <em>is</em> the Karaf JVM,
 * output in {@code console.log} of the instance folder) and waits until the SSH shell answers and the boot
 * features are {@code Started}. Commands run over SSH as {@code karaf/karaf}: instances run in development mode
 * ({@code kervi.mode=development} in {@code etc/system.properties}) unless {@link #withProductionMode} is asked for.
 *
 * <p>{@link #close} stops the JVM (gracefully, then by force) and deletes the folder unless the system property
 * {@code kervi.keepInstances=true} is set. A JVM shutdown hook kills whatever is still running if a test run is
 * aborted, and Karaf JVMs orphaned by an earlier test JVM killed with {@code -9} are killed when this class loads.
 *
 * <pre>{@code
 * try (KarafProcess a = new KarafProcess("a").withConfig("org.kervi.core", Map.of("instanceId", "a")).start()) {
 *     a.execute("feature:install kervi-example-sensors");
 *     a.awaitOutput("kervi:components", out -> out.contains("cpu_load"), Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * Linux only ({@code tar}, {@code /proc}).
 */
public final class KarafProcess implements AutoCloseable {

    /** Heap and JIT settings of test instances: small, and quick to boot on two cores. */
    public static final String DEFAULT_JAVA_OPTS = "-Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    /** Boots took over 90 s at load 30-40 on two cores (eight builds beside the suite). */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(20);

    /** System property: path of the distribution tar.gz (set by the failsafe configuration). */
    public static final String DISTRIBUTION_PROPERTY = "kervi.distribution";
    /** System property: folder of the instance folders (default {@code target/instances}). */
    public static final String INSTANCES_DIR_PROPERTY = "kervi.instancesDir";
    /** System property: {@code true} keeps the instance folders after {@link #close()}. */
    public static final String KEEP_PROPERTY = "kervi.keepInstances";

    private static final String USER = "karaf";
    private static final String PASSWORD = "karaf";
    /** Karaf loads this file into system properties; {@code kervi.mode} is read from there. */
    private static final String SYSTEM_PROPERTIES = "etc/system.properties";
    private static final String RUN_MODE = "kervi.mode";
    private static final String JAAS_PID = "org.apache.karaf.jaas";
    private static final String ITERATIONS = "encryption.iterations";
    private static final String DEVELOPMENT_ITERATIONS = "10000";
    private static final String PRODUCTION_ITERATIONS = "210000";
    private static final String SHELL_PID = "org.apache.karaf.shell";
    private static final String MANAGEMENT_PID = "org.apache.karaf.management";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern COLUMN = Pattern.compile("\\s*[│|\\t]\\s*");

    /** Instances not yet closed, killed by the shutdown hook if the test JVM ends first. */
    private static final Set<KarafProcess> OPEN = ConcurrentHashMap.newKeySet();

    static {
        reapOrphans();
        Runtime.getRuntime().addShutdownHook(new Thread(KarafProcess::killAllOpen, "karaf-process-cleanup"));
    }

    private final String name;
    private final Path home;
    private final boolean keep = Boolean.getBoolean(KEEP_PROPERTY);
    private final KarafShell shell = new KarafShell(InetAddress.getLoopbackAddress().getHostAddress(), USER,
            PASSWORD, this::restartSshServer);

    private volatile int sshPort;
    private volatile int rmiRegistryPort;
    private volatile int rmiServerPort;
    private volatile String javaOpts = DEFAULT_JAVA_OPTS;
    private volatile Duration startTimeout = DEFAULT_START_TIMEOUT;
    private volatile List<String> readyFeatures = List.of("kervi-core", "kervi-shell");
    private volatile List<String> launchArguments = List.of("daemon");
    private final Map<String, String> environment = new ConcurrentHashMap<>();
    private final Set<String> unsetEnvironment = ConcurrentHashMap.newKeySet();

    private volatile Process process;
    private volatile Instant launchedAt;
    private volatile Duration lastStartDuration;
    private int launches;
    private boolean closed;
    /** Set when {@link #awaitReady()} timed out on a JVM that did not exit: {@link #close()} keeps its folder. */
    private volatile boolean startFailed;

    /**
     * Unpacks the distribution into {@code <instancesDir>/<name>-<random>} and assigns free SSH and RMI ports.
     * Nothing runs until {@link #start()} or {@link #launch()}.
     */
    public KarafProcess(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("instance name must match " + NAME + ": '" + name + "'");
        }
        this.name = name;
        Path archive = distribution();
        try {
            Path instances = instancesDir();
            Files.createDirectories(instances);
            home = Files.createTempDirectory(instances, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of instance " + name, e);
        }
        OPEN.add(this);
        try {
            untar(archive, home);
            // development credentials (karaf/karaf) unless a test asks for production
            CfgFile.put(home.resolve(SYSTEM_PROPERTIES), Map.of(RUN_MODE, "development"));
            // the lowest PBKDF2 work factor for passwords a test plants in plain text (Karaf hashes them at the
            // first login): every shell command logs in again
            withConfig(JAAS_PID, Map.of(ITERATIONS, DEVELOPMENT_ITERATIONS));
            withConfig(SHELL_PID, Map.of("sshHost", "127.0.0.1", "sshPort", Integer.toString(FreePorts.next())));
            withConfig(MANAGEMENT_PID, Map.of(
                    "rmiRegistryHost", "127.0.0.1", "rmiRegistryPort", Integer.toString(FreePorts.next()),
                    "rmiServerHost", "127.0.0.1", "rmiServerPort", Integer.toString(FreePorts.next())));
        } catch (RuntimeException e) {
            OPEN.remove(this);
            deleteQuietly(home);
            throw e;
        }
    }

    // ---------------------------------------------------------------- configuration

    /**
     * Sets properties of {@code etc/<pid>.cfg} (keys already there are replaced in place, others appended, a
     * missing file is created). Before the start, Karaf boots with them; on a running instance Karaf's file
     * install picks the change up. Changing {@code sshPort} or the RMI ports here is followed by the harness.
     */
    public KarafProcess withConfig(String pid, Map<String, String> properties) {
        CfgFile.put(home.resolve("etc").resolve(pid + ".cfg"), properties);
        if (SHELL_PID.equals(pid) && properties.containsKey("sshPort")) {
            sshPort = Integer.parseInt(properties.get("sshPort").trim());
        }
        if (MANAGEMENT_PID.equals(pid)) {
            Optional.ofNullable(properties.get("rmiRegistryPort")).ifPresent(p -> rmiRegistryPort = Integer.parseInt(p.trim()));
            Optional.ofNullable(properties.get("rmiServerPort")).ifPresent(p -> rmiServerPort = Integer.parseInt(p.trim()));
        }
        return this;
    }

    /**
     * Production mode, as the distribution ships: no usable default password, so the harness has no credentials
     * until {@link #withCredentials} (after a password was set, e.g. on the first-run page), and {@link #awaitReady}
     * waits for the SSH port only. Before the start.
     */
    public KarafProcess withProductionMode() {
        CfgFile.put(home.resolve(SYSTEM_PROPERTIES), Map.of(RUN_MODE, "production"));
        withConfig(JAAS_PID, Map.of(ITERATIONS, PRODUCTION_ITERATIONS));
        shell.credentials(null, null);
        return this;
    }

    /** The user and password of the harness's SSH logins from now on (default karaf/karaf in development mode). */
    public KarafProcess withCredentials(String user, String password) {
        shell.credentials(user, password);
        return this;
    }

    /** Writes (or replaces) any file of the instance, path relative to its folder, e.g. {@code deploy/x.xml}. */
    public KarafProcess withFile(String relativePath, String content) {
        Path file = home.resolve(relativePath).normalize();
        if (!file.startsWith(home)) {
            throw new IllegalArgumentException("not inside the instance folder: " + relativePath);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return this;
    }

    /**
     * JVM options passed as {@code EXTRA_JAVA_OPTS} (default {@link #DEFAULT_JAVA_OPTS}); an empty string leaves
     * the distribution's {@code bin/setenv} default. Takes effect at the next (re)start.
     */
    public KarafProcess withJavaOpts(String options) {
        this.javaOpts = options;
        return this;
    }

    /**
     * Arguments of {@code bin/karaf} (default {@code daemon}: the script {@code exec}s the JVM). {@code server}
     * starts the same JVM as a child of the script, as {@code bin/start} and many users do.
     */
    public KarafProcess withLaunchArguments(String... arguments) {
        this.launchArguments = List.of(arguments);
        return this;
    }

    /**
     * An environment variable of the start script; {@code null} removes it, e.g. {@code JAVA_HOME} (which the
     * harness otherwise sets to its own Java) to start the way a user without one would. Takes effect at the next
     * (re)start.
     */
    public KarafProcess withEnvironment(String variable, String value) {
        if (value == null) {
            environment.remove(variable);
            unsetEnvironment.add(variable);
        } else {
            unsetEnvironment.remove(variable);
            environment.put(variable, value);
        }
        return this;
    }

    /**
     * Makes Karaf start a new SSH server: a changed {@code org.apache.karaf.shell} configuration (file install
     * picks up the file) restarts it on the same port, with a new acceptor.
     */
    private void restartSshServer() {
        CfgFile.put(home.resolve("etc").resolve(SHELL_PID + ".cfg"),
                Map.of("kervi.sshRestartedAt", Long.toString(System.currentTimeMillis())));
    }

    /**
     * Adds features to the front of {@code featuresBoot} in {@code etc/org.apache.karaf.features.cfg}, as
     * {@code demo.sh} does: the instance boots them (before the start only).
     */
    public KarafProcess withBootFeatures(String... features) {
        BootFeatures.add(home.resolve("etc/org.apache.karaf.features.cfg"), features);
        return this;
    }

    /** How long {@link #awaitReady()} waits (default {@link #DEFAULT_START_TIMEOUT}). */
    public KarafProcess withStartTimeout(Duration timeout) {
        this.startTimeout = timeout;
        return this;
    }

    /** Features that must show {@code Started} in {@code feature:list -i} (default kervi-core, kervi-shell). */
    public KarafProcess withReadyFeatures(String... features) {
        this.readyFeatures = List.of(features);
        return this;
    }

    // ---------------------------------------------------------------- lifecycle

    /** {@link #launch()} then {@link #awaitReady()}. */
    public KarafProcess start() {
        launch();
        return awaitReady();
    }

    /**
     * Starts the Karaf JVM in the background and returns at once; launching several instances before awaiting
     * any boots them in parallel.
     */
    public synchronized KarafProcess launch() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        if (isAlive()) {
            throw new IllegalStateException(this + " is already running (pid " + pid() + ")");
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/karaf").toString()));
        command.addAll(launchArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("KARAF_") || k.equals("CLASSPATH") || k.equals("JAVA_OPTS")
                || k.equals("EXTRA_JAVA_OPTS") || k.startsWith("JAVA_MIN_") || k.startsWith("JAVA_MAX_")
                || k.equals("JAVA_DEBUG_OPTS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        if (!javaOpts.isBlank()) {
            env.put("EXTRA_JAVA_OPTS", javaOpts);
        }
        env.putAll(environment);
        env.keySet().removeAll(unsetEnvironment);
        try {
            launches++;
            Files.writeString(consoleLog(), "==== kervi harness: launch " + launches + " at " + Instant.now()
                    + ": bin/karaf " + String.join(" ", launchArguments) + ", EXTRA_JAVA_OPTS="
                    + env.getOrDefault("EXTRA_JAVA_OPTS", "(unset)") + ", JAVA_HOME="
                    + env.getOrDefault("JAVA_HOME", "(unset)") + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            launchedAt = Instant.now();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + this, e);
        }
        return this;
    }

    /**
     * Waits until the SSH port accepts connections and {@code feature:list -i} shows every ready feature
     * {@code Started}; fails with the tails of {@code data/log/karaf.log} and {@code console.log} if the JVM
     * exits or the start timeout passes first.
     */
    public KarafProcess awaitReady() {
        Process p = requireLaunched();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        String lastCheck = "SSH port " + sshPort + " never accepted a connection";
        while (System.nanoTime() - deadline < 0) {
            if (!p.isAlive()) {
                throw startFailure("the JVM exited with status " + p.exitValue() + " before it was ready");
            }
            if (portAccepts(sshPort) && !shell.hasCredentials()) {
                lastStartDuration = Duration.between(launchedAt, Instant.now());
                return this;
            }
            if (portAccepts(sshPort)) {
                try {
                    // longer than KarafShell's 20 s login attempt, so that a stuck SSH server is restarted here too
                    CommandResult features = shell.run(sshPort, "feature:list -i", Duration.ofSeconds(30));
                    List<String> missing = notStarted(features.output());
                    // exit status -1: the server closed the channel without one (the command never ran to its end)
                    if (!features.failed() && features.exitStatus() == 0 && missing.isEmpty()) {
                        lastStartDuration = Duration.between(launchedAt, Instant.now());
                        return this;
                    }
                    lastCheck = features.failed() ? features.error().orElseThrow()
                            : features.exitStatus() != 0 ? "no exit status (channel closed by the server), printed: '"
                                    + features.output().strip() + "'"
                            : "not yet Started: " + missing + "; feature:list -i printed:\n" + features.output();
                } catch (RuntimeException e) {
                    lastCheck = e.toString();
                }
            }
            sleep(250);
        }
        if (p.isAlive()) {
            // threads and heap of the JVM that did not get ready, next to its logs (kept: see close())
            System.out.println(Diagnostics.capture(pid(), home, karafLog(), name + ": not ready within " + startTimeout));
        }
        startFailed = true;
        throw startFailure("not ready within " + startTimeout + "; last check: " + lastCheck);
    }

    /**
     * Kills the Karaf JVM and every process it started with SIGKILL (plus any JVM with {@code -Dkaraf.home=} this
     * instance's folder, such as child instances re-parented after an earlier kill) and waits until they are
     * gone.
     */
    public synchronized void kill9() {
        List<ProcessHandle> victims = new ArrayList<>();
        Process p = process;
        if (p != null) {
            victims.add(p.toHandle());
            p.toHandle().descendants().forEach(victims::add);
        }
        processesNaming(home).filter(h -> !victims.contains(h)).forEach(victims::add);
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : victims) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while killing " + this, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("pid " + h.pid() + " of " + this + " survived SIGKILL", e);
            }
        }
    }

    /**
     * Stops gracefully ({@code system:shutdown -f} over SSH, then SIGTERM), and with {@link #kill9()} if the JVM
     * is still there after {@code timeout}.
     */
    public synchronized void stop(Duration timeout) {
        Process p = process;
        if (p != null && p.isAlive()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean asked;
            try {
                asked = !shell.run(sshPort, "system:shutdown -f", Duration.ofSeconds(5)).failed();
            } catch (RuntimeException e) {
                asked = false;
            }
            if (!asked) {
                // no shell yet (still booting) or a hanging one: SIGTERM instead
                p.toHandle().destroy();
            }
            if (!awaitExit(p, remaining(deadline, timeout.dividedBy(2)))) {
                p.toHandle().destroy();
                awaitExit(p, remaining(deadline, Duration.ofSeconds(1)));
            }
        }
        kill9(); // descendants and leftovers; no-op for a JVM that is already gone
    }

    /** {@link #stop(Duration)} with {@link #DEFAULT_STOP_TIMEOUT}. */
    public void stop() {
        stop(DEFAULT_STOP_TIMEOUT);
    }

    /**
     * Starts again on the same folder and ports (stopping first if still running) and waits until ready; Karaf
     * resumes from its {@code data/} folder, so installed features come back.
     */
    public KarafProcess restart() {
        if (isAlive()) {
            stop();
        }
        return start();
    }

    /** Stops (gracefully, then by force), then deletes the instance folder unless {@code kervi.keepInstances}. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            stop();
        } finally {
            shell.close();
            OPEN.remove(this);
            if (keep || startFailed) {
                System.out.println("[karaf " + name + "] kept instance folder " + home);
            } else {
                deleteQuietly(home);
            }
        }
    }

    /** Launches all, then awaits all: parallel boots. */
    public static void startAll(KarafProcess... instances) {
        for (KarafProcess k : instances) {
            k.launch();
        }
        for (KarafProcess k : instances) {
            k.awaitReady();
        }
    }

    /** Closes all in parallel; every instance is closed even if another fails; the first failure is rethrown. */
    public static void closeAll(KarafProcess... instances) {
        RuntimeException failure = null;
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (KarafProcess k : instances) {
            if (k != null) {
                Thread t = new Thread(() -> {
                    try {
                        k.close();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }, "close-" + k.name);
                t.start();
                threads.add(t);
            }
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (RuntimeException e : failures) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    // ---------------------------------------------------------------- shell

    /**
     * Runs a shell command and returns what it printed; throws {@link KarafCommandException} (message: the error
     * text) if Karaf reports an error.
     */
    public String execute(String command) {
        return execute(command, DEFAULT_COMMAND_TIMEOUT);
    }

    public String execute(String command, Duration timeout) {
        return run(command, timeout).orThrow();
    }

    /** Runs a shell command and returns its output and error, without throwing for a Karaf error. */
    public CommandResult run(String command) {
        return run(command, DEFAULT_COMMAND_TIMEOUT);
    }

    public CommandResult run(String command, Duration timeout) {
        requireLaunched();
        try {
            return shell.run(sshPort, command, timeout);
        } catch (UncheckedIOException e) {
            if (isAlive() && String.valueOf(e.getMessage()).contains("within")) {
                System.out.println(Diagnostics.capture(pid(), home, karafLog(),
                        name + ": '" + command + "' timed out: " + e.getMessage()));
            }
            throw e;
        }
    }

    /**
     * Runs {@code command} every 200 ms until its output satisfies {@code condition} (failing runs count as
     * not yet); returns that output, or throws an {@link AssertionError} with the last output after
     * {@code timeout}.
     */
    public String awaitOutput(String command, Predicate<String> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (true) {
            try {
                CommandResult r = run(command, timeout);
                last = r.output();
                if (!r.failed() && condition.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                last = e.toString();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(name + ": '" + command + "' did not print what was expected within "
                        + timeout + "; last output:\n" + last);
            }
            sleep(200);
        }
    }

    // ---------------------------------------------------------------- inspection

    public String name() {
        return name;
    }

    /** The instance folder (KARAF_HOME). */
    public Path home() {
        return home;
    }

    public int sshPort() {
        return sshPort;
    }

    public int rmiRegistryPort() {
        return rmiRegistryPort;
    }

    public int rmiServerPort() {
        return rmiServerPort;
    }

    /** stdout/stderr of the JVM (and of the start script), appended over restarts. */
    public Path consoleLog() {
        return home.resolve("console.log");
    }

    public Path karafLog() {
        return home.resolve("data/log/karaf.log");
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Pid of the Karaf JVM (of the last launch). */
    public long pid() {
        return javaProcess().pid();
    }

    /** Resident set size of the Karaf JVM in KiB ({@code VmRSS} of {@code /proc/<pid>/status}). */
    public long rssKiB() {
        return procField(pid(), "status", "VmRSS:");
    }

    private long procField(long pid, String file, String field) {
        try (Stream<String> lines = Files.lines(Paths.get("/proc", Long.toString(pid), file))) {
            return lines.filter(l -> l.startsWith(field))
                    .map(l -> Long.parseLong(l.substring(field.length()).replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + field + " in /proc/" + pid + "/" + file));
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("pid " + pid + " of " + this + " is not running", e);
        }
    }

    /**
     * Proportional set size of the Karaf JVM in KiB ({@code Pss} of {@code /proc/<pid>/smaps_rollup}): its RSS
     * with pages shared with other processes (such as other Karaf JVMs) counted in shares.
     */
    public long pssKiB() {
        return procField(pid(), "smaps_rollup", "Pss:");
    }

    /** From launch to ready, of the last successful {@link #awaitReady()}. */
    public Optional<Duration> lastStartDuration() {
        return Optional.ofNullable(lastStartDuration);
    }

    /** The last {@code lines} lines of a log file of the instance ("" if it does not exist). */
    public static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no " + file.getFileName() + ")";
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    @Override
    public String toString() {
        return "Karaf instance '" + name + "' at " + home;
    }

    // ---------------------------------------------------------------- internals

    private Process requireLaunched() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException(this + " was never started");
        }
        return p;
    }

    private ProcessHandle javaProcess() {
        ProcessHandle h = requireLaunched().toHandle();
        if (isJava(h)) {
            return h;
        }
        return h.descendants().filter(KarafProcess::isJava).findFirst().orElse(h);
    }

    private static boolean isJava(ProcessHandle h) {
        return h.info().command().map(c -> c.endsWith("/java")).orElse(false);
    }

    private List<String> notStarted(String featureList) {
        List<String> missing = new ArrayList<>(readyFeatures);
        for (String line : featureList.split("\n")) {
            List<String> columns = Arrays.asList(COLUMN.split(line.trim()));
            if (columns.size() > 1 && columns.contains("Started")) {
                missing.remove(columns.get(0));
            }
        }
        return missing;
    }

    private IllegalStateException startFailure(String what) {
        return new IllegalStateException(this + ": " + what
                + "\n---- tail of data/log/karaf.log ----\n" + tail(karafLog(), 40)
                + "\n---- tail of console.log ----\n" + tail(consoleLog(), 20));
    }

    private static boolean portAccepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean awaitExit(Process p, Duration timeout) {
        try {
            return p.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration remaining(long deadline, Duration atLeast) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        return left.compareTo(atLeast) < 0 ? atLeast : left;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Karaf JVMs of {@code folder}: their command line has {@code -Dkaraf.home=<folder>}. */
    private static Stream<ProcessHandle> processesNaming(Path folder) {
        String marker = "-Dkaraf.home=" + folder.toAbsolutePath();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(h -> h.pid() != self)
                .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false));
    }

    /** Kills without ceremony: the shutdown hook of the test JVM. */
    private static void killAllOpen() {
        for (KarafProcess k : OPEN) {
            try {
                Process p = k.process;
                if (p != null) {
                    p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    p.toHandle().destroyForcibly();
                }
                processesNaming(k.home).forEach(ProcessHandle::destroyForcibly);
                if (!k.keep) {
                    if (p != null) {
                        p.toHandle().onExit().get(5, TimeUnit.SECONDS);
                    }
                    deleteQuietly(k.home);
                }
            } catch (Exception | Error e) {
                // best effort, the JVM is going away
            }
        }
    }

    /**
     * Kills Karaf JVMs of this instances folder whose launching test JVM is gone (killed with -9, so its shutdown
     * hook never ran): they were re-parented to init.
     */
    private static void reapOrphans() {
        String marker = "-Dkaraf.home=" + instancesDir().toAbsolutePath();
        ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .filter(h -> h.parent().map(parent -> parent.pid() == 1).orElse(true))
                .forEach(h -> {
                    System.err.println("[karaf] killing orphaned Karaf JVM " + h.pid() + " of an earlier run: "
                            + h.info().commandLine().orElse(""));
                    h.destroyForcibly();
                });
    }

    private static Path instancesDir() {
        String configured = System.getProperty(INSTANCES_DIR_PROPERTY);
        return configured != null && !configured.isBlank()
                ? Paths.get(configured).toAbsolutePath()
                : Paths.get("target", "instances").toAbsolutePath();
    }

    /**
     * The distribution archive: the system property {@code kervi.distribution} (set by failsafe to the copy in
     * {@code target/itest-repository}), else the first {@code kervi-distribution-*.tar.gz} found there or in
     * {@code ../karaf-distribution/target} (running from an IDE after a build).
     */
    static Path distribution() {
        String configured = System.getProperty(DISTRIBUTION_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Paths.get(configured);
            if (Files.isRegularFile(p)) {
                return p;
            }
            throw new IllegalStateException(DISTRIBUTION_PROPERTY + "=" + configured + " does not exist; build "
                    + "the distribution first (./mvnw -B verify at the repository root)");
        }
        for (Path dir : List.of(Paths.get("target", "itest-repository"), Paths.get("..", "karaf-distribution",
                "target"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    Optional<Path> found = files
                            .filter(f -> f.getFileName().toString().matches("kervi-distribution-.*\\.tar\\.gz"))
                            .findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no kervi-distribution-*.tar.gz: set -D" + DISTRIBUTION_PROPERTY
                + "=<path> or build the distribution first (./mvnw -B verify at the repository root)");
    }

    private static void untar(Path archive, Path into) {
        try {
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toAbsolutePath().toString(),
                    "-C", into.toString(), "--strip-components=1")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!tar.waitFor(120, TimeUnit.SECONDS) || tar.exitValue() != 0) {
                tar.destroyForcibly();
                throw new IllegalStateException("cannot unpack " + archive + " into " + into + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while unpacking " + archive, e);
        }
        if (!Files.isExecutable(into.resolve("bin/karaf"))) {
            throw new IllegalStateException(archive + " has no executable bin/karaf");
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[karaf] could not delete " + folder + ": " + e);
        }
    }
}
