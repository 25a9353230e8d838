package org.kervi.homeassistant.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionListener;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.RegistryListener;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.values.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Home Assistant's picture of the application: a retained discovery config and state per exposed id, an
 * availability per instance, all published again on every (re)connect and on Home Assistant's birth message.
 * Every event runs on one thread ({@code executor}); the fields below are confined to it.
 */
final class HomeAssistantBridge implements BrokerLink.Events {
    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantBridge.class);

    /** A config on the broker: what it is and which instance's device it belongs to. */
    private record Published(EntityComponent component, String objectId, String instanceId) {}

    private final HomeAssistantSettings settings;
    private final Topics topics;
    private final Discovery discovery;
    private final KerviRegistry registry;
    private final ActionService actions;
    private final ScheduledExecutorService executor;
    private final BrokerLink link;
    private final Commands commands;
    private final Presence presence = new Presence();
    private final Map<String, Entity> active = new HashMap<>();
    private final Map<String, String> objectIds = new HashMap<>();
    /** Config topic → what it announces, ours from this run and from earlier ones. */
    private final Map<String, Published> published = new HashMap<>();
    private final Set<String> dirtyStates = ConcurrentHashMap.newKeySet();
    private final List<Registration> registrations = new ArrayList<>();

    HomeAssistantBridge(HomeAssistantSettings settings, KerviRegistry registry, ActionService actions,
            Supplier<UserLog> userLog, String swVersion, ScheduledExecutorService executor) {
        this.settings = settings;
        this.topics = new Topics(settings);
        this.discovery = new Discovery(topics, swVersion, registry.instanceId());
        this.registry = registry;
        this.actions = actions;
        this.executor = executor;
        this.link = new BrokerLink(settings, topics, this, executor);
        this.commands = new Commands(settings, registry, actions, userLog, executor, this::publishState);
    }

    void start() {
        if (settings.expose().isEmpty()) {
            LOG.warn("Home Assistant: expose is empty, so no value or action is exposed; list ids or globs in"
                    + " etc/org.kervi.homeassistant.cfg (expose = fan_controller.*, cpu_load)");
        }
        registrations.add(registry.addListener(new RegistryListener() {
            @Override
            public void valueAdded(ValueEntry entry) {
                executor.execute(() -> valueAppeared(entry));
            }

            @Override
            public void valueRemoved(ValueEntry entry) {
                executor.execute(() -> gone(entry.owner(), Presence.valueKey(entry.id()), entry.id(), false));
            }
        }));
        registrations.add(actions.addListener(new ActionListener() {
            @Override
            public void actionAdded(ActionInfo action) {
                executor.execute(() -> actionAppeared(action));
            }

            @Override
            public void actionRemoved(ActionInfo action) {
                executor.execute(() -> gone(action.owner(), Presence.actionKey(action.id()), action.id(), true));
            }
        }));
        registrations.add(registry.subscribeAll(change -> {
            if (dirtyStates.add(change.id())) {
                executor.execute(() -> publishState(change.id()));
            }
        }));
        executor.execute(() -> {
            registry.values().forEach(this::valueAppeared);
            actions.actions().forEach(this::actionAppeared);
            try {
                link.start(TrustedCertificates.forBroker(settings));
            } catch (Exception e) {
                LOG.error("Home Assistant: cannot use broker {}: {}", settings.brokerUrl(), e.toString());
            }
        });
    }

    /** Says offline for this bridge and every instance, then disconnects; call from outside the executor. */
    void stop() {
        registrations.forEach(Registration::close);
        try {
            executor.submit(() -> {
                for (String instance : presence.instances()) {
                    link.publishReliably(topics.instanceAvailability(instance), Topics.OFFLINE);
                }
                link.publishReliably(topics.bridgeAvailability(), Topics.OFFLINE);
                link.stop();
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Home Assistant: stopping did not finish cleanly: {}", e.toString());
        }
    }

    String problem() {
        return link.problem();
    }

    /** The entities published now (asked of the bridge's thread). */
    List<HomeAssistantStatus.Row> entities() {
        try {
            return executor.submit(() -> active.values().stream()
                    .sorted(java.util.Comparator.comparing(Entity::kerviId))
                    .map(e -> new HomeAssistantStatus.Row(e.kerviId(), e.component().key(), e.objectId(),
                            e.instanceId(), presence.instances().contains(e.instanceId())))
                    .toList()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Home Assistant discovery is busy or stopping: " + e, e);
        }
    }

    @Override
    public void connected() {
        link.publishReliably(topics.bridgeAvailability(), Topics.ONLINE);
        link.subscribe(topics.homeAssistantStatus(), false);
        link.subscribe(topics.allCommands(), false);
        link.subscribe(topics.allConfigs(), true);
        publishEverything();
    }

    @Override
    public void message(String topic, String payload) {
        if (topic.equals(topics.homeAssistantStatus())) {
            if (payload.trim().equals(Topics.ONLINE)) {
                LOG.info("Home Assistant announced itself online: publishing {} configs again", active.size());
                publishEverything();
            }
            return;
        }
        String object = topics.commandObject(topic);
        if (object != null) {
            commands.handle(topic, active.get(object), payload);
            return;
        }
        learnConfig(topic, payload);
    }

    private void publishEverything() {
        for (String instance : presence.instances()) {
            link.publishReliably(topics.instanceAvailability(instance), Topics.ONLINE);
        }
        for (Entity entity : List.copyOf(active.values())) {
            publishConfig(entity);
            publishState(entity.kerviId());
        }
    }

    private void valueAppeared(ValueEntry entry) {
        arrived(entry.owner(), Presence.valueKey(entry.id()));
        if (!settings.expose().matches(entry.id())) {
            return;
        }
        Value<?> value = entry.value();
        Optional<EntityComponent> component = Discovery.componentOf(value,
                settings.commandIds().matches(entry.id()));
        if (component.isEmpty()) {
            LOG.info("Home Assistant: {} ({}) has no Home Assistant entity kind; not exposed", entry.id(),
                    value.kind().label());
            return;
        }
        Entity entity = new Entity(entry.id(), component.get(), objectId(entry.id()), entry.owner(), false);
        active.put(entity.objectId(), entity);
        publishConfig(entity);
        publishState(entry.id());
    }

    private void actionAppeared(ActionInfo action) {
        arrived(action.owner(), Presence.actionKey(action.id()));
        if (!settings.expose().matches(action.id())) {
            return;
        }
        Optional<EntityComponent> component = Discovery.componentOf(action);
        if (component.isEmpty()) {
            LOG.info("Home Assistant: action {} takes parameters; only actions without parameters become buttons",
                    action.id());
            return;
        }
        Entity entity = new Entity(action.id(), component.get(), objectId(action.id()), action.owner(), true);
        active.put(entity.objectId(), entity);
        publishConfig(entity);
    }

    private void arrived(String instanceId, String key) {
        if (presence.add(instanceId, key)) {
            link.publishReliably(topics.instanceAvailability(instanceId), Topics.ONLINE);
            scheduleSweep();
        }
    }

    private void gone(String instanceId, String key, String id, boolean action) {
        Entity entity = active.get(objectIds.getOrDefault(id, ""));
        if (entity != null && entity.action() == action && entity.kerviId().equals(id)) {
            active.remove(entity.objectId());
        }
        if (presence.remove(instanceId, key)) {
            LOG.info("Home Assistant: instance {} is gone; its entities are unavailable", instanceId);
            link.publishReliably(topics.instanceAvailability(instanceId), Topics.OFFLINE);
        }
        scheduleSweep();
    }

    /**
     * Removes the configs of ids gone for good: gone (or no longer exposed) while their instance has been present
     * for the whole grace period. The entities of an absent instance stay, unavailable, until it is back (and its
     * ids have had the grace period to appear again).
     */
    private void scheduleSweep() {
        executor.schedule(this::sweep, settings.removalGrace().toMillis() + 500, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        for (Map.Entry<String, Published> p : List.copyOf(published.entrySet())) {
            Published config = p.getValue();
            Entity now = active.get(config.objectId());
            boolean stale = now == null || now.component() != config.component();
            if (stale && presence.isPresentFor(config.instanceId(), settings.removalGrace())) {
                LOG.info("Home Assistant: removing entity {} ({})", config.objectId(), config.component().key());
                unpublish(p.getKey(), config);
            }
        }
    }

    private void unpublish(String configTopic, Published config) {
        link.publishReliably(configTopic, "");
        published.remove(configTopic);
        if (!active.containsKey(config.objectId())) {
            link.publishReliably(topics.state(config.objectId()), "");
        }
    }

    private void publishConfig(Entity entity) {
        if (!link.isConnected()) {
            return;
        }
        String topic = topics.config(entity.component(), entity.objectId());
        for (Map.Entry<String, Published> p : List.copyOf(published.entrySet())) {
            if (p.getValue().objectId().equals(entity.objectId()) && !p.getKey().equals(topic)) {
                unpublish(p.getKey(), p.getValue());
            }
        }
        JsonObject config = entity.action()
                ? actions.action(entity.kerviId()).map(a -> discovery.actionConfig(entity, a)).orElse(null)
                : registry.value(entity.kerviId()).map(v -> discovery.valueConfig(entity, v.value())).orElse(null);
        if (config != null) {
            link.publishReliably(topic, config.toString());
            published.put(topic, new Published(entity.component(), entity.objectId(), entity.instanceId()));
        }
    }

    private void publishState(String id) {
        dirtyStates.remove(id);
        Entity entity = active.get(objectIds.getOrDefault(id, ""));
        if (entity == null || entity.action() || !entity.kerviId().equals(id) || !link.isConnected()) {
            return;
        }
        registry.value(id).ifPresent(v -> link.publishState(topics.state(entity.objectId()),
                Payloads.state(v.value())));
    }

    /** Retained configs of this node found on the broker (from an earlier run): candidates for the sweep. */
    private void learnConfig(String topic, String payload) {
        String[] levels = topic.split("/");
        if (payload.isBlank() || levels.length < 4) {
            return;
        }
        String object = levels[levels.length - 2];
        EntityComponent component;
        try {
            component = EntityComponent.valueOf(levels[levels.length - 4].toUpperCase(java.util.Locale.ROOT));
            JsonElement identifiers = JsonParser.parseString(payload).getAsJsonObject().getAsJsonObject("device")
                    .get("identifiers");
            String instance = topics.instanceOfDevice(identifiers.getAsJsonArray().get(0).getAsString());
            if (instance != null && !published.containsKey(topic)) {
                published.put(topic, new Published(component, object, instance));
                scheduleSweep();
            }
        } catch (RuntimeException notOurs) {
            LOG.debug("Home Assistant: ignoring the config on {}", topic, notOurs);
        }
    }

    /** The object id of a Kervi id, unique among this node's: a clash of two ids that read alike gets a suffix. */
    private String objectId(String kerviId) {
        return objectIds.computeIfAbsent(kerviId, id -> {
            String object = Entity.objectIdOf(id);
            if (objectIds.containsValue(object)) {
                object = object + "_" + Integer.toHexString(id.hashCode());
                LOG.warn("Home Assistant: {} reads like another exposed id; its object id is {}", id, object);
            }
            return object;
        });
    }
}
