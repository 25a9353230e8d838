package org.kervi.homeassistant.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Optional;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.values.EnumValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;

/** The discovery config (Home Assistant's documented keys) of one entity. */
final class Discovery {
    /** Bounds of a writable number without a range (Home Assistant's number entity needs both). */
    static final double UNBOUNDED = 1.0e9;

    private final Topics topics;
    private final String swVersion;
    private final String rootInstance;

    Discovery(Topics topics, String swVersion, String rootInstance) {
        this.topics = topics;
        this.swVersion = swVersion;
        this.rootInstance = rootInstance;
    }

    /** The component a value appears as; empty for kinds Home Assistant gets no entity for (colors). */
    static Optional<EntityComponent> componentOf(Value<?> value, boolean commandsAllowed) {
        boolean writable = commandsAllowed && value.role().writableFromOutside();
        return switch (value.kind()) {
            case NUMBER -> Optional.of(writable ? EntityComponent.NUMBER : EntityComponent.SENSOR);
            case BOOLEAN -> Optional.of(writable ? EntityComponent.SWITCH : EntityComponent.BINARY_SENSOR);
            case ENUM -> Optional.of(writable ? EntityComponent.SELECT : EntityComponent.SENSOR);
            case STRING, DATETIME -> Optional.of(EntityComponent.SENSOR);
            case COLOR -> Optional.empty();
        };
    }

    /** Actions without parameters are buttons; others get no entity. */
    static Optional<EntityComponent> componentOf(ActionInfo action) {
        return action.parameters().isEmpty() ? Optional.of(EntityComponent.BUTTON) : Optional.empty();
    }

    JsonObject valueConfig(Entity entity, Value<?> value) {
        JsonObject c = common(entity, value.name());
        c.addProperty("state_topic", topics.state(entity.objectId()));
        switch (entity.component()) {
            case SENSOR -> sensor(c, value);
            case NUMBER -> {
                c.addProperty("command_topic", topics.command(entity.objectId()));
                number(c, (NumberValue) value);
            }
            case BINARY_SENSOR -> onOff(c);
            case SWITCH -> {
                onOff(c);
                c.addProperty("command_topic", topics.command(entity.objectId()));
                c.addProperty("state_on", Payloads.ON);
                c.addProperty("state_off", Payloads.OFF);
            }
            case SELECT -> {
                c.addProperty("command_topic", topics.command(entity.objectId()));
                c.add("options", options((EnumValue) value));
            }
            case BUTTON -> throw new IllegalArgumentException(entity.kerviId() + " is a value, not an action");
        }
        return c;
    }

    JsonObject actionConfig(Entity entity, ActionInfo action) {
        JsonObject c = common(entity, action.name());
        c.addProperty("command_topic", topics.command(entity.objectId()));
        c.addProperty("payload_press", Payloads.PRESS);
        return c;
    }

    private JsonObject common(Entity entity, String name) {
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("unique_id", topics.uniqueId(entity.objectId()));
        c.add("device", device(entity.instanceId()));
        JsonArray availability = new JsonArray();
        availability.add(availability(topics.bridgeAvailability()));
        availability.add(availability(topics.instanceAvailability(entity.instanceId())));
        c.add("availability", availability);
        c.addProperty("availability_mode", "all");
        return c;
    }

    private JsonObject device(String instanceId) {
        JsonObject d = new JsonObject();
        JsonArray identifiers = new JsonArray();
        identifiers.add(topics.deviceIdentifier(instanceId));
        d.add("identifiers", identifiers);
        d.addProperty("name", "Kervi " + topics.nodeId() + " " + instanceId);
        d.addProperty("manufacturer", "Kervi");
        d.addProperty("model", instanceId.equals(rootInstance) ? "Kervi application root" : "Kervi module instance");
        d.addProperty("sw_version", swVersion);
        if (!instanceId.equals(rootInstance)) {
            d.addProperty("via_device", topics.deviceIdentifier(rootInstance));
        }
        return d;
    }

    private static JsonObject availability(String topic) {
        JsonObject a = new JsonObject();
        a.addProperty("topic", topic);
        a.addProperty("payload_available", Topics.ONLINE);
        a.addProperty("payload_not_available", Topics.OFFLINE);
        return a;
    }

    private static void sensor(JsonObject c, Value<?> value) {
        switch (value.kind()) {
            case NUMBER -> {
                NumberValue n = (NumberValue) value;
                unit(c, n.unit());
                String deviceClass = DeviceClasses.of(n.sensorType(), n.unit());
                if (deviceClass != null) {
                    c.addProperty("device_class", deviceClass);
                }
                c.addProperty("state_class", "measurement");
                c.addProperty("suggested_display_precision", decimals(n));
            }
            case ENUM -> {
                c.addProperty("device_class", "enum");
                c.add("options", options((EnumValue) value));
            }
            case DATETIME -> c.addProperty("device_class", "timestamp");
            default -> {
                // text: state only
            }
        }
    }

    private static void number(JsonObject c, NumberValue n) {
        boolean bounded = Double.isFinite(n.min()) && Double.isFinite(n.max());
        c.addProperty("min", Double.isFinite(n.min()) ? n.min() : -UNBOUNDED);
        c.addProperty("max", Double.isFinite(n.max()) ? n.max() : UNBOUNDED);
        c.addProperty("step", Math.pow(10, -Math.min(3, decimals(n))));
        c.addProperty("mode", bounded ? "auto" : "box");
        unit(c, n.unit());
    }

    /** The decimals a number is shown with (an attribute: NumberValue has no getter for it). */
    private static int decimals(NumberValue n) {
        return n.attributes().get("decimals") instanceof Number d ? Math.max(0, d.intValue()) : 3;
    }

    private static void unit(JsonObject c, String unit) {
        if (unit != null && !unit.isEmpty()) {
            c.addProperty("unit_of_measurement", unit);
        }
    }

    private static void onOff(JsonObject c) {
        c.addProperty("payload_on", Payloads.ON);
        c.addProperty("payload_off", Payloads.OFF);
    }

    private static JsonArray options(EnumValue value) {
        JsonArray options = new JsonArray();
        value.options().keySet().forEach(options::add);
        return options;
    }
}
