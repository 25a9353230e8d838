package org.kervi.ipc.mqtt.internal;

import org.kervi.ipc.api.Transport;
import org.kervi.ipc.spi.TransportProvider;
import org.kervi.ipc.spi.TransportSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code mqtt} transport for pid {@code org.kervi.ipc} ({@code transport = mqtt}), configured by pid
 * {@code org.kervi.ipc.mqtt}. A changed configuration re-registers this provider, so IPC reconnects with it.
 */
@Component(service = TransportProvider.class, configurationPid = "org.kervi.ipc.mqtt",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = TransportProvider.NAME + "=mqtt")
@Designate(ocd = MqttConfig.class)
public final class MqttTransportProvider implements TransportProvider {
    private final MqttConfig config;

    @Activate
    public MqttTransportProvider(MqttConfig config) {
        this.config = config;
    }

    @Override
    public Transport create(TransportSettings settings) {
        return new MqttTransport(MqttSettings.of(config, settings));
    }
}
