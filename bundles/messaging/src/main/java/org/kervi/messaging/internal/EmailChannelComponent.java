package org.kervi.messaging.internal;

import java.time.Clock;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** One email channel per factory configuration of {@value EmailSettings#FACTORY_PID}. */
@Component(service = {}, configurationPid = EmailSettings.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EmailChannelConfig.class, factory = true)
public final class EmailChannelComponent {
    private final ChannelDirectory directory;
    private final String pid;

    @Activate
    public EmailChannelComponent(@Reference ChannelDirectory directory, EmailChannelConfig config,
            Map<String, Object> properties) {
        this.directory = directory;
        this.pid = ChannelComponents.pid(properties);
        ChannelComponents.start(directory, "email", properties, pid -> {
            EmailSettings settings = EmailSettings.of(pid, config);
            return Channel.sending("email", pid, settings.common(), new SmtpTransport(settings),
                    directory.instanceId(), Clock.systemUTC(), settings.timeout());
        });
    }

    @Deactivate
    void deactivate() {
        directory.remove(pid);
    }
}
