package org.kervi.messaging.internal;

import java.time.Clock;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** One webhook channel per factory configuration of {@value WebhookSettings#FACTORY_PID}. */
@Component(service = {}, configurationPid = WebhookSettings.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WebhookChannelConfig.class, factory = true)
public final class WebhookChannelComponent {
    private final ChannelDirectory directory;
    private final String pid;

    @Activate
    public WebhookChannelComponent(@Reference ChannelDirectory directory, WebhookChannelConfig config,
            Map<String, Object> properties) {
        this.directory = directory;
        this.pid = ChannelComponents.pid(properties);
        ChannelComponents.start(directory, "webhook", properties, pid -> {
            WebhookSettings settings = WebhookSettings.of(pid, config);
            return Channel.sending("webhook", pid, settings.common(), new WebhookTransport(settings),
                    directory.instanceId(), Clock.systemUTC(), settings.timeout());
        });
    }

    @Deactivate
    void deactivate() {
        directory.remove(pid);
    }
}
