package org.kervi.app.internal;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The one line an operator waits for: the application is ready (app_main returned), how long it took since the
 * JVM started, and where the dashboard is. The dashboard is found through the service property
 * {@value #DASHBOARD_PATH} of its servlet and the HTTP runtime's {@code osgi.http.endpoint}.
 */
final class ReadyLine {
    static final String DASHBOARD_PATH = "kervi.dashboard.path";
    private static final String HTTP_RUNTIME = "org.osgi.service.http.runtime.HttpServiceRuntime";

    private ReadyLine() {}

    static String text(String appName, BundleContext context) {
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        String line = String.format(Locale.ROOT, "Kervi application '%s' ready in %.1f s", appName, seconds);
        return dashboardUrl(context).map(url -> line + ": dashboard " + url).orElse(line);
    }

    private static Optional<String> dashboardUrl(BundleContext context) {
        try {
            ServiceReference<?>[] dashboards = context.getAllServiceReferences(null, "(" + DASHBOARD_PATH + "=*)");
            ServiceReference<?>[] runtimes = context.getAllServiceReferences(HTTP_RUNTIME, null);
            if (dashboards == null || runtimes == null) {
                return Optional.empty();
            }
            String path = String.valueOf(dashboards[0].getProperty(DASHBOARD_PATH));
            return endpoint(runtimes[0].getProperty("osgi.http.endpoint"))
                    .map(base -> base.replaceAll("/+$", "") + path + "/");
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> endpoint(Object property) {
        Object first = property instanceof String[] all && all.length > 0 ? all[0]
                : property instanceof java.util.Collection<?> c && !c.isEmpty() ? c.iterator().next() : property;
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(first.toString().replace("://0.0.0.0:", "://127.0.0.1:"));
    }
}
