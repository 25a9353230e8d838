package org.kervi.dashboard.internal;

import java.util.Hashtable;
import javax.servlet.Servlet;
import org.kervi.security.Credentials;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/** Registers the first-run page {@code <path>/setup} under the dashboard's configured path. */
@Component(service = {}, configurationPid = "org.kervi.dashboard", immediate = true)
public class FirstRunPage {
    private final Credentials credentials;
    private ServiceRegistration<Servlet> registration;

    @Activate
    public FirstRunPage(@Reference Credentials credentials) {
        this.credentials = credentials;
    }

    @Activate
    void activate(BundleContext context, DashboardConfig config) {
        String path = DashboardSettings.of(config).path();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "kervi-dashboard-setup");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, path + "/setup");
        registration = context.registerService(Servlet.class,
                new SetupServlet(credentials, context.getBundle().getEntry("/web/setup.html"), path), properties);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
    }
}
