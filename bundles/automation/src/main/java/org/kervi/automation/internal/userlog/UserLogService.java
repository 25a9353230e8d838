package org.kervi.automation.internal.userlog;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionService;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.status.IpcStatus;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.api.userlog.UserLogListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link UserLog} service of this instance. The root (IPC role hub, or an instance without IPC) keeps every
 * entry of the application and offers {@link UserLogInbox#APPEND}; a module instance (role client) keeps its own and
 * sends them to the root.
 */
@Component(service = UserLog.class, configurationPid = UserLogConfig.PID)
@Designate(ocd = UserLogConfig.class)
public final class UserLogService implements UserLog {
    private static final Logger LOG = System.getLogger(UserLogService.class.getName());
    private static final int FORWARD_QUEUE = 1000;

    private final UserLogStore store;
    private final UserLogCore core;
    private final RootForwarder forwarder;
    private final ServiceRegistration<KerviComponent> inbox;
    private final ScheduledExecutorService timer;

    @Activate
    public UserLogService(@Reference KerviRegistry registry, @Reference ActionService actions,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            IpcStatus ipc, UserLogConfig config, BundleContext context) {
        UserLogSettings settings = UserLogSettings.from(config, dataFolder(context));
        settings.problems().forEach(p -> LOG.log(Level.ERROR, UserLogConfig.PID + ": " + p));
        store = new UserLogStore(settings.file(), settings.maxEntries());
        boolean module = ipc != null && "client".equals(ipc.role());
        forwarder = module ? new RootForwarder(actions, registry.instanceId(), FORWARD_QUEUE,
                problem -> LOG.log(Level.WARNING, problem)) : null;
        core = new UserLogCore(registry.instanceId(), store,
                new RateLimiter(settings.rateLimitEntries(), settings.rateLimitWindowMillis()),
                System::currentTimeMillis, forwarder == null ? null : forwarder::send);
        inbox = module ? null : context.registerService(KerviComponent.class, new UserLogInbox(core::received), null);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kervi-userlog-rate-limit");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(core::flushSuppressed, 1, 1, TimeUnit.SECONDS);
        LOG.log(Level.INFO, "user log in " + settings.file() + (module ? " (entries also go to the root)" : ""));
    }

    private static Path dataFolder(BundleContext context) {
        String data = context.getProperty("karaf.data");
        return data != null ? Path.of(data) : context.getDataFile("").toPath();
    }

    @Override
    public void log(UserLogLevel level, String sourceId, String message) {
        core.log(level, sourceId, message);
    }

    @Override
    public List<UserLogEntry> entries(UserLogLevel atLeast, Instant since, int limit) {
        return core.entries(atLeast, since, limit);
    }

    @Override
    public Registration addListener(UserLogListener listener) {
        return core.addListener(listener);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        if (inbox != null) {
            try {
                inbox.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping: the framework unregistered it
            }
        }
        if (forwarder != null) {
            forwarder.close();
        }
        store.close();
    }
}
