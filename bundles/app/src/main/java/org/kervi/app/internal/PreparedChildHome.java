package org.kervi.app.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.karaf.instance.core.Instance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A module in a new child instance that boots twice: first unlinked ({@link PreparationBoot}), which installs its
 * features and stops, then as the module from that bundle cache. A JVM that resolved features keeps the features
 * resolver, the Maven resolver and JAXB loaded for its whole life; one booted from a prepared cache never loads
 * them (docs/performance.md, issue #15). The preparation runs on its own thread; meanwhile the home counts as alive,
 * and the application's startup timeout covers both boots.
 */
final class PreparedChildHome implements ModuleHome {
    private static final Logger LOG = LoggerFactory.getLogger(PreparedChildHome.class);
    private final ChildHome child;
    private final Map<String, String> deferred;
    private final String prepareJavaOpts;
    private final Object lock = new Object();
    /** Guarded by lock: the module's own boot was launched. */
    private boolean launched;
    /** Guarded by lock: stopped or killed; nothing more is launched. */
    private boolean ended;
    private volatile String failure;

    /**
     * @param deferred the files that link the instance to the application, written between the two boots
     * @param javaOpts the instance's own JVM options, to which the preparation adds {@link PreparationBoot#PROPERTY}
     */
    PreparedChildHome(Instance instance, boolean ssh, Map<String, String> deferred, String javaOpts) {
        this.child = new ChildHome(instance, ssh);
        this.deferred = Map.copyOf(deferred);
        this.prepareJavaOpts = (javaOpts == null ? "" : javaOpts + " ") + "-D" + PreparationBoot.PROPERTY + "=true";
    }

    /** Launches the preparing boot on {@code executor}; the module's boot follows when it has stopped. */
    PreparedChildHome start(Executor executor, int timeoutSeconds) {
        executor.execute(() -> prepare(timeoutSeconds));
        return this;
    }

    private void prepare(int timeoutSeconds) {
        Instance instance = child.instance();
        long startedAt = System.currentTimeMillis();
        try {
            synchronized (lock) {
                if (ended) {
                    return;
                }
                instance.start(prepareJavaOpts);
            }
            int pid = child.pid();
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isPresent()) {
                process.get().onExit().get(timeoutSeconds, TimeUnit.SECONDS);
            }
            Path mark = Paths.get(instance.getLocation(), "data", PreparationBoot.MARK);
            synchronized (lock) {
                if (ended) {
                    return;
                }
                if (Files.isRegularFile(mark)) {
                    LOG.info("Module instance '{}' prepared in {} ms; booting the module", instance.getName(),
                            System.currentTimeMillis() - startedAt);
                } else {
                    LOG.warn("Module instance '{}' stopped before its features were in (see its log {}); booting the"
                            + " module anyway", instance.getName(), child.log().orElse(null));
                }
                ChildInstances.write(instance, deferred);
                instance.start(null);
                launched = true;
            }
        } catch (TimeoutException e) {
            failure = "its instance did not install its features within " + timeoutSeconds + " s (first boot; see "
                    + child.log().orElse(null) + ")";
            child.kill(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while its instance was prepared";
        } catch (Exception e) {
            failure = "its instance could not be prepared: " + (e.getMessage() == null ? e : e.getMessage());
            LOG.warn("Module instance '{}' could not be prepared", instance.getName(), e);
            child.kill(5);
        }
    }

    @Override
    public String where() {
        return child.where();
    }

    @Override
    public int pid() {
        return child.pid();
    }

    @Override
    public boolean alive() {
        synchronized (lock) {
            if (ended || failure != null) {
                return false;
            }
            return !launched || child.alive();
        }
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public int sshPort() {
        return child.sshPort();
    }

    @Override
    public void stop(int graceSeconds) {
        synchronized (lock) {
            ended = true;
        }
        child.stop(graceSeconds);
    }

    @Override
    public void kill(int waitSeconds) {
        synchronized (lock) {
            ended = true;
        }
        child.kill(waitSeconds);
    }

    @Override
    public Optional<Path> log() {
        return child.log();
    }
}
