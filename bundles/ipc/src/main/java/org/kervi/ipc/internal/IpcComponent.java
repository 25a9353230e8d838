package org.kervi.ipc.internal;

import org.kervi.api.status.InstanceKeys;
import org.kervi.api.status.IpcStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.kervi.api.actions.ActionHandler;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.status.TransportStatus;
import org.kervi.api.status.TransportStatus.InstanceInfo;
import org.kervi.ipc.internal.tcp.AccessPolicy;
import org.kervi.ipc.internal.tcp.TcpClientTransport;
import org.kervi.ipc.internal.tcp.TcpHub;
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
 * IPC in this instance, as pid {@code org.kervi.ipc} says: the hub (role hub), the TCP transport and the bridge to
 * the core. A wrong configuration is logged and starts nothing.
 */
@Component(service = IpcStatus.class, configurationPid = "org.kervi.ipc",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = IpcConfig.class)
public final class IpcComponent implements IpcStatus {
    private static final Logger LOG = LoggerFactory.getLogger(IpcComponent.class);
    private final String role;
    private final String problem;
    private final TcpHub hub;
    private final IpcBridge bridge;
    /** Offered where this instance holds the master secret (the root): what a module instance is given. */
    private ServiceRegistration<InstanceKeys> instanceKeys;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessList accessList;

    @Activate
    public IpcComponent(@Reference KerviRegistry registry, @Reference ActionService actions, BundleContext context,
            IpcConfig config) {
        IpcSettings settings;
        try {
            settings = IpcSettings.of(config, registry.instanceId());
        } catch (IllegalArgumentException e) {
            LOG.error("Kervi IPC not started: configuration org.kervi.ipc is wrong: {}", e.getMessage());
            role = "failed";
            problem = "configuration: " + e.getMessage();
            hub = null;
            bridge = null;
            return;
        }
        if (settings.role == IpcSettings.Role.OFF) {
            LOG.info("Kervi IPC is off (org.kervi.ipc role=off)");
            role = "off";
            problem = "";
            hub = null;
            bridge = null;
            return;
        }
        TcpHub startedHub = null;
        if (settings.role == IpcSettings.Role.HUB) {
            try {
                String root = registry.instanceId();
                startedHub = new TcpHub(settings.hub(), settings.limits(), () -> {
                    AccessList acl = accessList;
                    return acl == null ? AccessPolicy.rootOnly(root) : acl.policy(root);
                }).start();
            } catch (IOException e) {
                LOG.error("Kervi IPC not started: {}", e.getMessage());
                role = "failed";
                problem = e.getMessage();
                hub = null;
                bridge = null;
                return;
            }
        }
        hub = startedHub;
        publishHubCertificate(settings);
        // the hub's own instance is its client too, without a socket
        TcpClientTransport transport = hub == null ? new TcpClientTransport(settings.client())
                : new TcpClientTransport(settings.client(), hub.localDialer(settings.client()));
        IpcBridge b = new IpcBridge(registry, actions, transport,
                (handler, actionId, owner) -> {
                    Dictionary<String, Object> props = new Hashtable<>();
                    props.put(ActionHandler.ACTION_ID, actionId);
                    props.put(ActionHandler.OWNER, owner);
                    ServiceRegistration<ActionHandler> reg = context.registerService(ActionHandler.class, handler,
                            props);
                    return () -> {
                        try {
                            reg.unregister();
                        } catch (IllegalStateException alreadyGone) {
                            // the bundle is stopping
                        }
                    };
                });
        try {
            b.start();
        } catch (RuntimeException e) {
            LOG.error("Kervi IPC not started: {}", e.getMessage(), e);
            b.close();
            if (hub != null) {
                hub.close();
            }
            role = "failed";
            problem = e.getMessage();
            bridge = null;
            return;
        }
        bridge = b;
        if (settings.master != null) {
            instanceKeys = context.registerService(InstanceKeys.class,
                    new MasterInstanceKeys(config.applicationId(), settings.master), null);
        }
        role = settings.role.name().toLowerCase(java.util.Locale.ROOT);
        problem = "";
        LOG.info("Kervi IPC started: role {}, instance '{}', hub {}:{}", role, registry.instanceId(),
                config.host(), hub == null ? config.port() : hub.port());
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
    void deactivate() {
        if (instanceKeys != null) {
            try {
                instanceKeys.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
        if (bridge != null) {
            bridge.close();
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
    public TransportStatus transport() {
        return bridge == null ? null : bridge.transport().status();
    }

    @Override
    public List<InstanceInfo> hubInstances() {
        return hub == null ? List.of() : hub.instances();
    }
}
