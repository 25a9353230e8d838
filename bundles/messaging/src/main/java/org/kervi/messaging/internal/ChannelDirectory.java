package org.kervi.messaging.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kervi.api.Registration;
import org.kervi.api.messaging.ChannelStatus;
import org.kervi.api.messaging.MessagingChannels;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The channels of this instance, keyed by configuration pid: passes every user-log entry to each of them, and
 * serves the shell. A second configuration with an id already in use is listed as refused.
 */
@Component(service = {MessagingChannels.class, ChannelDirectory.class})
public final class ChannelDirectory implements MessagingChannels {
    private final Map<String, Channel> channelsByPid = new ConcurrentHashMap<>();
    private final String instanceId;
    private volatile Registration userLogListener;

    @Activate
    public ChannelDirectory(@Reference KerviRegistry registry) {
        this.instanceId = registry.instanceId();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindUserLog(UserLog userLog) {
        userLogListener = userLog.addListener(this::logged);
    }

    void unbindUserLog(UserLog userLog) {
        Registration registration = userLogListener;
        userLogListener = null;
        if (registration != null) {
            registration.close();
        }
    }

    @Deactivate
    void deactivate() {
        channelsByPid.values().forEach(Channel::close);
        channelsByPid.clear();
    }

    String instanceId() {
        return instanceId;
    }

    /** Adds a channel, or a refused one when another configuration already uses its id. */
    Channel add(Channel channel) {
        synchronized (channelsByPid) {
            for (Channel other : channelsByPid.values()) {
                if (other.id().equals(channel.id()) && !other.pid().equals(channel.pid()) && !other.isRefused()) {
                    channel.close();
                    channel = Channel.refused(channel.id(), channel.status().kind(), channel.pid(), channel.pid()
                            + ": id: '" + channel.id() + "' is already the id of " + other.pid(),
                            java.time.Clock.systemUTC());
                    break;
                }
            }
            Channel previous = channelsByPid.put(channel.pid(), channel);
            if (previous != null) {
                previous.close();
            }
            return channel;
        }
    }

    void remove(String pid) {
        Channel channel = channelsByPid.remove(pid);
        if (channel != null) {
            channel.close();
        }
    }

    void logged(UserLogEntry entry) {
        channelsByPid.values().forEach(channel -> channel.offer(entry));
    }

    @Override
    public List<ChannelStatus> channels() {
        return channelsByPid.values().stream().map(Channel::status)
                .sorted(Comparator.comparing(ChannelStatus::id).thenComparing(ChannelStatus::pid)).toList();
    }

    @Override
    public String sendTest(String id) {
        List<Channel> named = channelsByPid.values().stream().filter(c -> c.id().equals(id))
                .sorted(Comparator.comparing(Channel::isRefused)).toList();
        if (named.isEmpty()) {
            List<String> ids = channels().stream().map(ChannelStatus::id).distinct().toList();
            throw new IllegalArgumentException("no channel '" + id + "'" + (ids.isEmpty()
                    ? ": none is configured (factory pids org.kervi.messaging.email, org.kervi.messaging.webhook)"
                    : "; channels: " + String.join(", ", ids)));
        }
        return named.get(0).sendTest();
    }
}
