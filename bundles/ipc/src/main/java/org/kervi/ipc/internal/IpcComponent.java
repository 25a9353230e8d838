package org.kervi.ipc.internal;

import org.kervi.api.status.InstanceKeys;
import org.kervi.api.status.IpcStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.kervi.api.actions.ActionHandler;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.status.TransportStatus;
import org.kervi.api.status.TransportStatus.InstanceInfo;
import org.kervi.ipc.api.Transport;
import org.kervi.ipc.internal.tcp.AccessPolicy;
import org.kervi.ipc.internal.tcp.TcpClientTransport;
import org.kervi.ipc.internal.tcp.TcpHub;
import org.kervi.ipc.spi.TransportProvider;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IPC in this instance, as pid {@code org.kervi.ipc} says: the hub (role hub with the tcp transport), the selected
 * transport and the bridge to the core. The tcp transport is built in; any other is a {@link TransportProvider}
 * service named by {@code transport}, waited for until it comes and dropped (bridge closed) when it goes. A wrong
 * configuration is logged and starts nothing.
 */
@Component(service = IpcStatus.class, configurationPid = "org.kervi.ipc",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = IpcConfig.class)
public final class IpcComponent implements IpcStatus {
    private static final Logger LOG = LoggerFactory.getLogger(IpcComponent.class);
    private final KerviRegistry registry;
    private final ActionService actions;
    private final BundleContext context;
    private final IpcSettings settings;
    private final TcpHub hub;
    private volatile String role;
    private volatile String problem;
    /** Guarded by this. */
    private IpcBridge bridge;
    /** The provider the running bridge's transport came from; null for tcp. Guarded by this. */
    private TransportProvider bridgeProvider;
    private boolean deactivated;
    /** Offered where this instance holds the master secret (the root): what a module instance is given. */
    private ServiceRegistration<InstanceKeys> instanceKeys;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessList accessList;

    /** Karaf's, to install the selected transport's feature; absent outside Karaf. */
    private final FeaturesService features;

    @Activate
    public IpcComponent(@Reference KerviRegistry registry, @Reference ActionService actions, BundleContext context,
            IpcConfig config, @Reference(cardinality = ReferenceCardinality.OPTIONAL) FeaturesService features) {
        this.features = features;
        this.registry = registry;
        this.actions = actions;
        this.context = context;
        IpcSettings checked;
        try {
            checked = IpcSettings.of(config, registry.instanceId());
        } catch (IllegalArgumentException e) {
            LOG.error("Kervi IPC not started: configuration org.kervi.ipc is wrong: {}", e.getMessage());
            settings = null;
            hub = null;
            failed("configuration: " + e.getMessage());
            return;
        }
        settings = checked;
        if (settings.role == IpcSettings.Role.OFF) {
            LOG.info("Kervi IPC is off (org.kervi.ipc role=off)");
            role = "off";
            problem = "";
            hub = null;
            return;
        }
        role = settings.role.name().toLowerCase(java.util.Locale.ROOT);
        problem = "";
        TcpHub startedHub = null;
        if (settings.runsHub()) {
            try {
                String root = registry.instanceId();
                startedHub = new TcpHub(settings.hub(), settings.limits(), () -> {
                    AccessList acl = accessList;
                    return acl == null ? AccessPolicy.rootOnly(root) : acl.policy(root);
                }).start();
            } catch (IOException e) {
                LOG.error("Kervi IPC not started: {}", e.getMessage());
                hub = null;
                failed(e.getMessage());
                return;
            }
        }
        hub = startedHub;
        publishHubCertificate(settings);
        if (settings.master != null) {
            instanceKeys = context.registerService(InstanceKeys.class,
                    new MasterInstanceKeys(config.applicationId(), settings.master), null);
        }
        if (IpcSettings.TCP.equals(settings.transport)) {
            // the hub's own instance is its client too, without a socket
            startBridge(hub == null ? new TcpClientTransport(settings.client())
                    : new TcpClientTransport(settings.client(), hub.localDialer(settings.client())), null);
            if (bridge != null) {
                LOG.info("Kervi IPC started: role {}, instance '{}', hub {}:{}", role, registry.instanceId(),
                        config.host(), hub == null ? config.port() : hub.port());
            }
        } else {
            problem = missingProvider();
            LOG.info("Kervi IPC: {}; waiting for it", problem);
            if (features != null) {
                TransportFeature.installLater(features, settings.transport, why -> {
                    synchronized (this) {
                        if (bridge == null) {
                            problem = why;
                        }
                    }
                });
            }
        }
    }

    private String missingProvider() {
        return "transport '" + settings.transport + "' selected but feature "
                + TransportFeature.name(settings.transport) + " is not installed";
    }

    private void failed(String why) {
        role = "failed";
        problem = why;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addTransportProvider(TransportProvider provider, Map<String, Object> properties) {
        if (deactivated || settings == null || settings.role == IpcSettings.Role.OFF || bridge != null
                || !settings.transport.equals(properties.get(TransportProvider.NAME)) || "failed".equals(role)) {
            return;
        }
        Transport transport;
        try {
            transport = provider.create(settings.transportSettings());
        } catch (RuntimeException e) {
            LOG.error("Kervi IPC not started: transport '{}' refused its configuration: {}", settings.transport,
                    e.getMessage());
            problem = "transport '" + settings.transport + "': " + e.getMessage();
            return;
        }
        startBridge(transport, provider);
        if (bridge != null) {
            problem = "";
            LOG.info("Kervi IPC started: role {}, instance '{}', transport {}", role, registry.instanceId(),
                    settings.transport);
        }
    }

    synchronized void removeTransportProvider(TransportProvider provider) {
        if (bridgeProvider != provider) {
            return;
        }
        LOG.info("Kervi IPC: transport '{}' went away; remote ids are gone until it returns", settings.transport);
        bridge.close();
        bridge = null;
        bridgeProvider = null;
        if (!deactivated) {
            problem = missingProvider();
        }
    }

    private synchronized void startBridge(Transport transport, TransportProvider provider) {
        IpcBridge b = new IpcBridge(registry, actions, transport, this::registerActionHandler);
        try {
            b.start();
        } catch (RuntimeException e) {
            LOG.error("Kervi IPC not started: {}", e.getMessage(), e);
            b.close();
            problem = e.getMessage();
            return;
        }
        bridge = b;
        bridgeProvider = provider;
    }

    private org.kervi.api.Registration registerActionHandler(ActionHandler handler, String actionId, String owner) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ActionHandler.ACTION_ID, actionId);
        props.put(ActionHandler.OWNER, owner);
        ServiceRegistration<ActionHandler> reg = context.registerService(ActionHandler.class, handler, props);
        return () -> {
            try {
                reg.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        };
    }

    private static void publishHubCertificate(IpcSettings settings) {
        String etc = System.getProperty("karaf.etc");
        if (etc == null) {
            return;
        }
        try {
            Path file = settings.publishHubCertificate(Path.of(etc));
            if (file != null) {
                LOG.info("Kervi IPC hub: TLS certificate written to {} (public: what clients trust)", file);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Kervi IPC hub: cannot write the TLS certificate for clients: {}", e.getMessage());
        }
    }

    @Deactivate
    synchronized void deactivate() {
        deactivated = true;
        if (instanceKeys != null) {
            try {
                instanceKeys.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
        if (bridge != null) {
            bridge.close();
            bridge = null;
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Override
    public String role() {
        return role;
    }

    @Override
    public String problem() {
        return problem;
    }

    @Override
    public synchronized TransportStatus transport() {
        return bridge == null ? null : bridge.transport().status();
    }

    @Override
    public List<InstanceInfo> hubInstances() {
        return hub == null ? List.of() : hub.instances();
    }
}
