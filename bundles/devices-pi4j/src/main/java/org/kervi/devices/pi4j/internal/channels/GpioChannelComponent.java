package org.kervi.devices.pi4j.internal.channels;

import java.util.Hashtable;
import java.util.Map;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.hardware.ChannelState;
import org.kervi.api.hardware.ChannelStatus;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
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
 * configuration that is wrong or names a pin that is held is refused with a logged error and a FAILED state; the
 * instance runs on. Deleting the configuration unregisters the value and releases the pin.
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
    public GpioChannelComponent(@Reference Hardware hardware, @Reference ChannelTimer timer, ChannelConfig config,
            Map<String, Object> properties, BundleContext bundle) {
        GpioChannel opened = null;
        ChannelStatus failure = null;
        try {
            ChannelSpec spec = ChannelSpec.from(config);
            opened = GpioChannel.open(spec, hardware, timer);
        } catch (IllegalArgumentException | HardwareException e) {
            failure = failed(config, properties, e.getMessage());
            LOG.error("gpio channel {} ({}) refused: {}", failure.id(), properties.get("service.pid"),
                    e.getMessage());
        }
        this.channel = opened;
        this.refused = failure;
        this.registration = opened == null ? null
                : bundle.registerService(KerviComponent.class, opened, new Hashtable<>());
        if (opened != null) {
            LOG.info("gpio channel {}: {} on {}", opened.id(), opened.spec().kind().configName(),
                    opened.spec().address());
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework took the registration away first
            }
        }
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public ChannelStatus status() {
        return channel == null ? refused : channel.status();
    }

    private static ChannelStatus failed(ChannelConfig config, Map<String, Object> properties, String error) {
        String id = config.id() == null || config.id().isBlank()
                ? String.valueOf(properties.get("service.pid")) : config.id().trim();
        String kind = String.valueOf(config.kind());
        String address = (kind.equals("pwm") ? "pwm " : "gpio ") + config.pin();
        return new ChannelStatus(id, kind, address, ChannelState.FAILED, error);
    }
}
