package org.kervi.dashboard.internal;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Constants;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers 421 to a request whose {@code Host} is not one the dashboard serves (see {@link HostAllowList}). */
final class HostCheckFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(HostCheckFilter.class);
    private final HostAllowList hosts;

    HostCheckFilter(HostAllowList hosts) {
        this.hosts = hosts;
    }

    /** The check, for registration in front of everything under {@code path}, ahead of the dashboard's filters. */
    static DashboardServer.WebElement element(String path, List<String> allowedHosts) {
        HostAllowList hosts = new HostAllowList(allowedHosts);
        if (hosts.allowsAnyHost()) {
            LOG.warn("Kervi dashboard answers to any Host header (allowedHosts = *): DNS rebinding is not refused");
        }
        Hashtable<String, Object> filter = new Hashtable<>();
        filter.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME, "kervi-dashboard-host-check");
        filter.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_PATTERN, new String[] {path, path + "/*"});
        filter.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_ASYNC_SUPPORTED, Boolean.TRUE);
        filter.put(Constants.SERVICE_RANKING, 100);
        return new DashboardServer.WebElement(Filter.class, new HostCheckFilter(hosts), filter);
    }

    @Override
    public void init(FilterConfig filterConfig) {
        // configured by the constructor
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out) {
            String host = http.getHeader("Host");
            if (!hosts.allows(host)) {
                JsonObject error = new JsonObject();
                error.addProperty("error", "host '" + host + "' is not served here: add it to allowedHosts of "
                        + "the org.kervi.dashboard configuration if this server is meant to answer to that name");
                out.setHeader("Cache-Control", "no-store");
                ApiServlet.send(out, 421, error);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
