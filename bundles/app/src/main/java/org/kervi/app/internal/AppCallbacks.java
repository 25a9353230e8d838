package org.kervi.app.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.ApplicationCode;
import org.kervi.api.runtime.ModuleState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the application's code: every {@link ApplicationCode} service, then (Kervi style) the actions
 * {@code app_main} / {@code app_exit} where an application defines them. One thread of its own, one callback at a
 * time, so slow app code never holds up the supervision of the modules.
 */
final class AppCallbacks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppCallbacks.class);
    private static final Duration APP_MAIN_ACTION_TIMEOUT = Duration.ofSeconds(30);
    private final ActionService actions;
    private final List<ApplicationCode> codes = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kervi-app-code");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean mainRan;

    AppCallbacks(ActionService actions) {
        this.actions = actions;
    }

    /** A late arrival (installed after the application started) gets its appMain at once. */
    void add(ApplicationCode code) {
        codes.add(code);
        if (mainRan) {
            submit(() -> run(code, "app_main", code::appMain));
        }
    }

    void remove(ApplicationCode code) {
        codes.remove(code);
    }

    CompletableFuture<Void> appMain() {
        return CompletableFuture.runAsync(() -> {
            mainRan = true;
            boolean any = !codes.isEmpty();
            codes.forEach(code -> run(code, "app_main", code::appMain));
            any |= callAction("app_main", APP_MAIN_ACTION_TIMEOUT);
            if (!any) {
                LOG.info("No app_main: the application has no code of its own to run");
            }
        }, thread);
    }

    void moduleReady(String module) {
        submit(() -> codes.forEach(code -> run(code, "moduleReady(" + module + ")", () -> code.moduleReady(module))));
    }

    void moduleLost(String module, ModuleState state) {
        submit(() -> codes.forEach(code -> run(code, "moduleLost(" + module + ", " + state.key() + ")",
                () -> code.moduleLost(module, state))));
    }

    /** Runs app_exit and waits for it, at most {@code timeout}. */
    void appExit(Duration timeout) {
        if (!mainRan) {
            return;
        }
        try {
            CompletableFuture.runAsync(() -> {
                codes.forEach(code -> run(code, "app_exit", code::appExit));
                callAction("app_exit", timeout);
            }, thread).get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.error("app_exit did not finish within {} s: {}", timeout.toSeconds(), e.toString());
        }
    }

    private void submit(Runnable work) {
        try {
            thread.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("application stopped; callback dropped");
        }
    }

    private interface Callback {
        void call() throws Exception;
    }

    private static void run(ApplicationCode code, String what, Callback callback) {
        try {
            callback.call();
            LOG.info("{} returned ({})", what, code.getClass().getName());
        } catch (Exception | LinkageError e) {
            LOG.error("{} of {} failed", what, code.getClass().getName(), e);
        }
    }

    /** Calls an application action of that id if there is one; true if there was. */
    private boolean callAction(String actionId, Duration timeout) {
        if (actions.action(actionId).isEmpty()) {
            return false;
        }
        try {
            Object result = actions.call(actionId, List.of(), timeout).get(timeout.toMillis() + 1_000,
                    TimeUnit.MILLISECONDS);
            LOG.info("{} returned {}", actionId, result);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ActionException ae && ae.error() == ActionError.UNKNOWN_ID) {
                return false;
            }
            LOG.error("{} failed: {}", actionId, e.getCause() == null ? e : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("{} did not finish: {}", actionId, e.toString());
        }
        return true;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
