package org.kervi.devices.pi4j.internal.channels;

import java.util.Hashtable;
import java.util.Map;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.hardware.ChannelState;
import org.kervi.api.hardware.ChannelStatus;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.runtime.KerviRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configuration of factory pid {@code org.kervi.gpio.channel}: opens the pin and registers the channel as a
 * {@link KerviComponent}, so its value reaches the registry, the dashboard and other instances like any other. A
 * configuration that is wrong, names a pin that is held, or whose id the registry refuses (taken by another value) is
 * refused with a logged error and a FAILED state, and holds no pin; the instance runs on. Deleting the configuration
 * unregisters the value and releases the pin.
 */
@Component(service = ChannelHandle.class, configurationPid = GpioChannelComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = ChannelConfig.class, factory = true)
public final class GpioChannelComponent implements ChannelHandle {
    static final String FACTORY_PID = "org.kervi.gpio.channel";
    private static final Logger LOG = LoggerFactory.getLogger(GpioChannelComponent.class);

    private final GpioChannel channel;
    private final ServiceRegistration<KerviComponent> registration;
    private final ChannelStatus refused;

    @Activate
    public GpioChannelComponent(@Reference Hardware hardware, @Reference ChannelTimer timer,
            @Reference KerviRegistry registry, ChannelConfig config, Map<String, Object> properties,
            BundleContext bundle) {
        GpioChannel opened = null;
        ServiceRegistration<KerviComponent> registered = null;
        String problem = null;
        try {
            opened = GpioChannel.open(ChannelSpec.from(config), hardware, timer);
            registered = bundle.registerService(KerviComponent.class, opened, new Hashtable<>());
            problem = refusalOf(registry, opened, bundle.getBundle().getSymbolicName());
        } catch (IllegalArgumentException | HardwareException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            unregister(registered);
            if (opened != null) {
                opened.close();
            }
            opened = null;
            registered = null;
            LOG.error("gpio channel {} ({}) refused: {}", idOf(config, properties), properties.get("service.pid"),
                    problem);
        } else {
            LOG.info("gpio channel {}: {} on {}", opened.id(), opened.spec().kind().configName(),
                    opened.spec().address());
        }
        this.channel = opened;
        this.registration = registered;
        this.refused = problem == null ? null : failed(config, properties, problem);
    }

    /** The registry's reason when it refused the channel's component (its id taken by another value, say). */
    private static String refusalOf(KerviRegistry registry, GpioChannel channel, String bundle) {
        return registry.components().stream()
                .filter(c -> c.id().equals(channel.id()) && c.bundle().equals(bundle) && "refused".equals(c.state()))
                .map(c -> "refused by the registry: " + c.error()).findFirst().orElse(null);
    }

    @Deactivate
    void deactivate() {
        unregister(registration);
        if (channel != null) {
            channel.close();
        }
    }

    private static void unregister(ServiceRegistration<KerviComponent> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework took the registration away first
            }
        }
    }

    @Override
    public ChannelStatus status() {
        return channel == null ? refused : channel.status();
    }

    private static String idOf(ChannelConfig config, Map<String, Object> properties) {
        return config.id() == null || config.id().isBlank()
                ? String.valueOf(properties.get("service.pid")) : config.id().trim();
    }

    private static ChannelStatus failed(ChannelConfig config, Map<String, Object> properties, String error) {
        String id = idOf(config, properties);
        String kind = String.valueOf(config.kind());
        String address = (kind.equals("pwm") ? "pwm " : "gpio ") + config.pin();
        return new ChannelStatus(id, kind, address, ChannelState.FAILED, error);
    }
}
