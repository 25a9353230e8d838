package org.kervi.homeassistant.internal;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.userlog.UserLog;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Home Assistant discovery for the whole application; runs when {@code org.kervi.homeassistant} is configured. */
@Component(service = HomeAssistantStatus.class, configurationPid = "org.kervi.homeassistant", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HomeAssistantConfig.class)
public class HomeAssistantComponent implements HomeAssistantStatus {
    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantComponent.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kervi-homeassistant");
        t.setDaemon(true);
        return t;
    });
    private final HomeAssistantBridge bridge;
    private final HomeAssistantSettings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile UserLog userLog;

    @Activate
    public HomeAssistantComponent(@Reference KerviRegistry registry, @Reference ActionService actions,
            HomeAssistantConfig config, BundleContext context) {
        try {
            settings = HomeAssistantSettings.of(config, registry.instanceId());
        } catch (IllegalArgumentException e) {
            executor.shutdown();
            LOG.error("Home Assistant discovery is off: etc/org.kervi.homeassistant.cfg: {}", e.getMessage());
            throw e;
        }
        bridge = new HomeAssistantBridge(settings, registry, actions, () -> userLog,
                context.getBundle().getVersion().toString(), executor);
        bridge.start();
        LOG.info("Home Assistant discovery: broker {}, node {}, exposing {}", settings.brokerUrl(), settings.nodeId(),
                settings.expose().isEmpty() ? "nothing (expose is empty)" : settings.expose());
    }

    @Override
    public String brokerUrl() {
        return settings.brokerUrl();
    }

    @Override
    public String problem() {
        return bridge.problem();
    }

    @Override
    public String exposed() {
        return settings.expose().toString();
    }

    @Override
    public List<Row> entities() {
        return bridge.entities();
    }

    @Deactivate
    void deactivate() {
        bridge.stop();
        executor.shutdownNow();
    }
}
