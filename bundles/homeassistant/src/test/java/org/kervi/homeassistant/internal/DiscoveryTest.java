package org.kervi.homeassistant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ParameterInfo;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.ColorValue;
import org.kervi.api.values.EnumValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueRole;

class DiscoveryTest {
    private final Topics topics = new Topics(Settings.of("expose = *"));
    private final Discovery discovery = new Discovery(topics, "1.2.3", "root");

    @Test
    void aWritableNumberIsANumberWithItsRangeAndAReadOnlyOneASensor() {
        NumberValue speed = new NumberValue("fan.max_speed", "Maximum speed").range(0, 100).unit("%").decimals(0);
        speed.role(ValueRole.INPUT);
        assertEquals(EntityComponent.NUMBER, Discovery.componentOf(speed, true).orElseThrow());
        assertEquals(EntityComponent.SENSOR, Discovery.componentOf(speed, false).orElseThrow());
        JsonObject c = discovery.valueConfig(entity(speed, EntityComponent.NUMBER, "modules"), speed);
        assertEquals(0.0, c.get("min").getAsDouble());
        assertEquals(100.0, c.get("max").getAsDouble());
        assertEquals(1.0, c.get("step").getAsDouble());
        assertEquals("%", c.get("unit_of_measurement").getAsString());
        assertEquals("kervi/kervi/fan_max_speed/set", c.get("command_topic").getAsString());
        assertEquals("kervi/kervi/fan_max_speed/state", c.get("state_topic").getAsString());
        assertEquals("kervi_kervi_fan_max_speed", c.get("unique_id").getAsString());

        NumberValue output = new NumberValue("fan.speed", "Speed");
        output.role(ValueRole.OUTPUT);
        assertEquals(EntityComponent.SENSOR, Discovery.componentOf(output, true).orElseThrow());
    }

    @Test
    void aSensorGetsADeviceClassOnlyWithAUnitHomeAssistantAccepts() {
        NumberValue temperature = new NumberValue("room", "Room").unit("°C");
        temperature.sensorType("temperature");
        temperature.role(ValueRole.SENSOR);
        JsonObject c = discovery.valueConfig(entity(temperature, EntityComponent.SENSOR, "root"), temperature);
        assertEquals("temperature", c.get("device_class").getAsString());
        assertEquals("measurement", c.get("state_class").getAsString());

        NumberValue odd = new NumberValue("odd", "Odd").unit("furlongs");
        odd.sensorType("temperature");
        assertFalse(discovery.valueConfig(entity(odd, EntityComponent.SENSOR, "root"), odd).has("device_class"));
    }

    @Test
    void booleansEnumsActionsAndColors() {
        BooleanValue boost = new BooleanValue("fan.boost", "Boost");
        boost.role(ValueRole.INPUT);
        assertEquals(EntityComponent.SWITCH, Discovery.componentOf(boost, true).orElseThrow());
        assertEquals(EntityComponent.BINARY_SENSOR, Discovery.componentOf(boost, false).orElseThrow());
        JsonObject sw = discovery.valueConfig(entity(boost, EntityComponent.SWITCH, "modules"), boost);
        assertEquals("ON", sw.get("payload_on").getAsString());
        assertEquals("OFF", sw.get("state_off").getAsString());

        EnumValue mode = new EnumValue("mode", "Mode").option("auto").option("manual", "By hand");
        mode.role(ValueRole.INPUT);
        assertEquals(EntityComponent.SELECT, Discovery.componentOf(mode, true).orElseThrow());
        JsonObject select = discovery.valueConfig(entity(mode, EntityComponent.SELECT, "root"), mode);
        assertEquals("[\"auto\",\"manual\"]", select.get("options").toString());

        assertTrue(Discovery.componentOf(new ColorValue("lamp", "Lamp"), true).isEmpty());

        ActionInfo press = action("fan.boost_run", List.of());
        assertEquals(EntityComponent.BUTTON, Discovery.componentOf(press).orElseThrow());
        assertTrue(Discovery.componentOf(action("fan.activate", List.of(new ParameterInfo("on", "boolean"))))
                .isEmpty());
        JsonObject button = discovery.actionConfig(new Entity("fan.boost_run", EntityComponent.BUTTON,
                "fan_boost_run", "modules", true), press);
        assertEquals("PRESS", button.get("payload_press").getAsString());
    }

    @Test
    void oneDevicePerInstanceWithAvailabilityOfTheBridgeAndTheInstance() {
        BooleanValue boost = new BooleanValue("fan.boost", "Boost");
        JsonObject c = discovery.valueConfig(entity(boost, EntityComponent.BINARY_SENSOR, "modules"), boost);
        JsonObject device = c.getAsJsonObject("device");
        assertEquals("[\"kervi_kervi_modules\"]", device.get("identifiers").toString());
        assertEquals("Kervi", device.get("manufacturer").getAsString());
        assertEquals("1.2.3", device.get("sw_version").getAsString());
        assertEquals("kervi_kervi_root", device.get("via_device").getAsString());
        assertEquals("kervi/kervi/availability",
                c.getAsJsonArray("availability").get(0).getAsJsonObject().get("topic").getAsString());
        assertEquals("kervi/kervi/instance/modules/availability",
                c.getAsJsonArray("availability").get(1).getAsJsonObject().get("topic").getAsString());
        assertEquals("all", c.get("availability_mode").getAsString());
        assertEquals("kervi_kervi_modules", topics.deviceIdentifier("modules"));
        assertEquals("modules", topics.instanceOfDevice("kervi_kervi_modules"));
    }

    private static Entity entity(Value<?> value, EntityComponent component, String instance) {
        return new Entity(value.id(), component, Entity.objectIdOf(value.id()), instance, false);
    }

    private static ActionInfo action(String id, List<ParameterInfo> parameters) {
        return new ActionInfo(id, id, "fan", "modules", false, parameters, "void", "", ActionConcurrency.SERIAL,
                Duration.ofSeconds(5));
    }
}
