package org.kervi.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Base class of the Pax Exam tests: boots the Kervi distribution built by this reactor
 * (karaf-distribution, tar.gz) once per test class.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class KerviTestSupport {

    protected static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final String PAX_URL_CFG = "etc/org.ops4j.pax.url.mvn.cfg";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    /** Registered by Karaf once the boot features are installed. */
    @Inject
    protected BootFinished bootFinished;

    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(
            karafDistributionConfiguration()
                .frameworkUrl(maven("org.kervi", "kervi-distribution").versionAsInProject().type("tar.gz"))
                .name("Kervi")
                .unpackDirectory(new File("target/exam"))
                .useDeployFolder(false),
            logLevel(LogLevel.WARN),
            configureConsole().ignoreLocalConsole(),
            // development mode: karaf/karaf, as the multi-instance tests' KarafProcess (docs/security.md)
            editConfigurationFilePut("etc/system.properties", "kervi.mode", "development"),
            // Pax Exam picks free RMI ports itself; SSH would default to 8101
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
            // hermetic: the container resolves from the distribution's system/ and the local Maven
            // repository only, never downloads in the middle of a test (KARAF-NOTES pitfall 6)
            editConfigurationFilePut(PAX_URL_CFG, "org.ops4j.pax.url.mvn.repositories", ""),
            vmOption("-Xmx256m")));
        // the local repository of this Maven build (set by failsafe), which holds Pax Exam's bundles
        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository");
        if (localRepository != null && !localRepository.isBlank()) {
            options.add(editConfigurationFilePut(PAX_URL_CFG, "org.ops4j.pax.url.mvn.localRepository", localRepository));
        }
        return options.toArray(new Option[0]);
    }

    /**
     * Runs a Karaf shell command in a new session and returns what it printed (followed by its
     * result, if any). Exceptions of the command propagate unchanged.
     */
    protected String executeCommand(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
            try {
                Object result = session.execute(command);
                if (result != null) {
                    out.println(result);
                }
            } finally {
                session.close();
            }
            out.flush();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Installs a feature without refreshing any bundle already installed. */
    protected void installFeature(String name) throws Exception {
        featuresService.installFeature(name, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }

    /** Uninstalls a feature without refreshing any bundle that stays. */
    protected void uninstallFeature(String name) throws Exception {
        featuresService.uninstallFeature(name, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }

    /** Every bundle's id → "symbolic name state", to compare before and after a change. */
    protected Map<Long, String> bundleStates() {
        Map<Long, String> states = new HashMap<>();
        for (Bundle b : bundleContext.getBundles()) {
            states.put(b.getBundleId(), b.getSymbolicName() + " " + b.getState());
        }
        return states;
    }

        protected Bundle findBundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    /**
     * Polls {@code condition} every 100 ms until it holds; fails with an {@link AssertionError}
     * once {@code timeout} has passed.
     */
    protected static void waitFor(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    protected static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
