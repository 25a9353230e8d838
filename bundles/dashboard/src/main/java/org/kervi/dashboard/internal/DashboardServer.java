package org.kervi.dashboard.internal;

import org.kervi.api.status.DashboardStreams;
import java.net.URL;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.servlet.Filter;
import javax.servlet.Servlet;
import org.kervi.api.actions.ActionService;
import org.kervi.api.history.ValueHistory;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.runtime.ComponentInfo;
import org.kervi.api.runtime.KerviRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard: registers the UI, the API and the live stream with the HTTP whiteboard (pax-web) under the
 * configured path, and keeps the streams told of changes. A configuration change re-creates it.
 */
@Component(service = DashboardStreams.class, configurationPid = "org.kervi.dashboard", immediate = true)
@Designate(ocd = DashboardConfig.class)
public class DashboardServer implements DashboardStreams {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    private final KerviRegistry registry;
    private final ActionService actions;
    private final List<BoardLayoutService> layouts = new CopyOnWriteArrayList<>();
    /** The API servlet's whiteboard name: {@link DeploymentWatch} looks for it among what pax-web deployed. */
    private static final String API_SERVLET = "kervi-dashboard-api";
    private static final long DEPLOYMENT_PATIENCE_MILLIS = 30_000;
    private final List<WebElement> web = new ArrayList<>();
    /** Guarded by this. */
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile DeploymentWatch deployment;
    /** Guarded by this: deactivated, nothing is registered any more. */
    private boolean webClosed;
    private DashboardSettings settings;
    private volatile StreamHub streams;
    private final AtomicReference<ValueHistory> history = new AtomicReference<>();
    private final UserLogFeed userLog = new UserLogFeed(event -> {
        StreamHub hub = streams;
        if (hub != null) {
            hub.userLogged(event);
        }
    });

    @Activate
    public DashboardServer(@Reference KerviRegistry registry, @Reference ActionService actions) {
        this.registry = registry;
        this.actions = actions;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedLayout")
    void addLayout(BoardLayoutService layout) {
        layouts.add(layout);
        modelChanged();
    }

    /** A layout's configuration changed in place (see {@link BoardLayoutService}). */
    void updatedLayout(BoardLayoutService layout) {
        modelChanged();
    }

    void removeLayout(BoardLayoutService layout) {
        layouts.remove(layout);
        modelChanged();
    }

    /** The {@code kervi-history} store, when installed: the dashboard works without it (memory only). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeHistory")
    void addHistory(ValueHistory store) {
        history.set(store);
    }

    void removeHistory(ValueHistory store) {
        history.compareAndSet(store, null);
    }

    /** The user log ({@code kervi-automation}), when installed: the user-log panel's entries. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeUserLog")
    void addUserLog(UserLog log) {
        userLog.use(log);
    }

    void removeUserLog(UserLog log) {
        userLog.gone(log);
    }

    private void modelChanged() {
        StreamHub hub = streams;
        if (hub != null) {
            hub.modelChanged();
        }
    }

    @Activate
    void activate(BundleContext context, DashboardConfig config) {
        settings = DashboardSettings.of(config);
        History memory = new History(settings.historyPoints());
        streams = new StreamHub(registry, actions, this::model, memory, settings.heartbeatMillis(),
                settings.streamCaps());
        streams.userLogSnapshot(userLog::snapshot);
        String path = settings.path();

        Hashtable<String, Object> api = new Hashtable<>();
        api.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, API_SERVLET);
        api.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, path + "/api/*");
        api.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED, Boolean.TRUE);
        // the application's ready line looks the dashboard up by this property
        api.put("kervi.dashboard.path", path);
        web.add(new WebElement(Servlet.class, new ApiServlet(settings, registry, actions,
                new ModelCache(this::model, streams::version), streams, memory, history::get), api));

        URL page = context.getBundle().getEntry("/web/index.html");
        Hashtable<String, Object> index = new Hashtable<>();
        index.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "kervi-dashboard-index");
        index.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, new String[] {path, path + "/"});
        web.add(new WebElement(Servlet.class, new IndexServlet(page), index));

        Hashtable<String, Object> resources = new Hashtable<>();
        resources.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN, path + "/*");
        resources.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX, "/web");
        web.add(new WebElement(Object.class, new Object(), resources));

        Hashtable<String, Object> filter = new Hashtable<>();
        filter.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME, "kervi-dashboard-headers");
        filter.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_PATTERN, new String[] {path, path + "/*"});
        filter.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_ASYNC_SUPPORTED, Boolean.TRUE);
        web.add(new WebElement(Filter.class, new SecurityHeadersFilter(), filter));
        web.add(HostCheckFilter.element(path, settings.allowedHosts()));
        registerWeb(context);
        deployment = new DeploymentWatch(context, API_SERVLET, () -> {
            unregisterWeb();
            registerWeb(context);
        }, DEPLOYMENT_PATIENCE_MILLIS).start();
        LOG.info("Kervi dashboard at {}/ (realm {}, write role '{}')", path, settings.realm(), settings.writeRole());
    }

    /** One whiteboard service of the dashboard: what it is registered as, the object, its properties. */
    record WebElement(Class<?> type, Object service, Hashtable<String, Object> properties) {}

    private synchronized void registerWeb(BundleContext context) {
        if (webClosed) {
            return; // a late re-registration by the deployment watch after deactivation
        }
        for (WebElement element : web) {
            registrations.add(context.registerService(element.type().getName(), element.service(),
                    element.properties()));
        }
    }

    private synchronized void unregisterWeb() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
        registrations.clear();
    }

    @Deactivate
    void deactivate() {
        DeploymentWatch watch = deployment;
        if (watch != null) {
            watch.close();
        }
        synchronized (this) {
            webClosed = true;
            unregisterWeb();
        }
        StreamHub hub = streams;
        streams = null;
        if (hub != null) {
            hub.close();
        }
    }

    Model model(UserSession user, long version) {
        List<BoardLayout> boards = layouts.stream().map(BoardLayoutService::layout).toList();
        return new ModelBuilder(registry.values(), actions.actions(), boards).build(user, title(),
                registry.instanceId(), version);
    }

    private String title() {
        if (!settings.title().isEmpty()) {
            return settings.title();
        }
        return registry.components().stream().filter(c -> c.id().equals("app")).map(ComponentInfo::name)
                .findFirst().orElse("Kervi");
    }

    @Override
    public String path() {
        return settings.path();
    }

    @Override
    public List<Stream> streams() {
        StreamHub hub = streams;
        if (hub == null) {
            return List.of();
        }
        return hub.clients().stream().map(c -> new Stream(c.id(), c.user(), c.remote(), c.openedAtMillis(),
                c.eventsSent(), c.valuesCoalesced())).toList();
    }

    @Override
    public int dropStreams() {
        StreamHub hub = streams;
        return hub == null ? 0 : hub.dropAll();
    }
}
