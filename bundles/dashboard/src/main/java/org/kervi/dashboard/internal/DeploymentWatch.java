package org.kervi.dashboard.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.FailedServletDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, through the HTTP runtime's DTOs, that pax-web deployed the dashboard's API servlet after it was
 * registered. A registration the whiteboard lost answers 404 for the life of the process; this registers the web
 * elements again (once) when the servlet is neither deployed nor reported failed in time, and logs what pax-web
 * said when it refused them.
 */
final class DeploymentWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentWatch.class);
    private static final long CHECK_MILLIS = 500;
    private final BundleContext context;
    private final String servletName;
    private final Runnable registerAgain;
    private final long patienceMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kervi-dashboard-deployment");
        t.setDaemon(true);
        return t;
    });
    private long since = System.currentTimeMillis();
    private boolean retried;

    /**
     * @param registerAgain unregisters the dashboard's web elements and registers them again
     * @param patienceMillis how long pax-web may take before the registration counts as lost
     */
    DeploymentWatch(BundleContext context, String servletName, Runnable registerAgain, long patienceMillis) {
        this.context = context;
        this.servletName = servletName;
        this.registerAgain = registerAgain;
        this.patienceMillis = patienceMillis;
    }

    DeploymentWatch start() {
        timer.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    private void check() {
        try {
            Optional<RuntimeDTO> runtime = runtimeDto();
            if (runtime.isEmpty()) {
                since = System.currentTimeMillis(); // no HTTP runtime yet: nothing can be deployed
                return;
            }
            if (deployed(runtime.get())) {
                LOG.debug("Dashboard servlet '{}' deployed", servletName);
                timer.shutdown();
                return;
            }
            if (System.currentTimeMillis() - since < patienceMillis) {
                return;
            }
            String failure = failure(runtime.get()).map(f -> "pax-web reports failure reason " + f.failureReason
                    + " (see the OSGi HTTP Whiteboard DTO constants)").orElse("pax-web reports no failure");
            if (retried) {
                LOG.error("pax-web has still not deployed the dashboard servlet '{}' {} s after it was registered"
                        + " again ({}); http:list shows what it serves", servletName, patienceMillis / 1000, failure);
                timer.shutdown();
                return;
            }
            LOG.warn("pax-web has not deployed the dashboard servlet '{}' {} s after its registration ({});"
                    + " registering the dashboard again", servletName, patienceMillis / 1000, failure);
            retried = true;
            since = System.currentTimeMillis();
            registerAgain.run();
        } catch (RuntimeException e) {
            LOG.debug("Dashboard deployment check failed", e);
        }
    }

    private Optional<RuntimeDTO> runtimeDto() {
        ServiceReference<HttpServiceRuntime> reference = context.getServiceReference(HttpServiceRuntime.class);
        if (reference == null) {
            return Optional.empty();
        }
        HttpServiceRuntime runtime = context.getService(reference);
        try {
            return Optional.ofNullable(runtime == null ? null : runtime.getRuntimeDTO());
        } finally {
            context.ungetService(reference);
        }
    }

    private boolean deployed(RuntimeDTO runtime) {
        return runtime.servletContextDTOs != null && Arrays.stream(runtime.servletContextDTOs)
                .filter(c -> c.servletDTOs != null).flatMap(c -> Arrays.stream(c.servletDTOs))
                .anyMatch(s -> servletName.equals(s.name));
    }

    private Optional<FailedServletDTO> failure(RuntimeDTO runtime) {
        return runtime.failedServletDTOs == null ? Optional.empty() : Arrays.stream(runtime.failedServletDTOs)
                .filter(s -> servletName.equals(s.name)).findFirst();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
