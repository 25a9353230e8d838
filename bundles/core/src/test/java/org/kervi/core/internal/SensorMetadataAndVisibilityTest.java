package org.kervi.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kervi.api.actions.Action;
import org.kervi.api.components.Controller;
import org.kervi.api.components.Sensor;
import org.kervi.api.components.SensorDriver;
import org.kervi.api.dashboard.OnDashboard;
import org.kervi.api.runtime.ComponentInfo;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;

/** A driver's type and unit become attributes of the sensor's values; {@code visible(false)} reaches every part. */
class SensorMetadataAndVisibilityTest {

    static final class Thermometer implements SensorDriver {
        @Override
        public double read() {
            return 21.5;
        }

        @Override
        public String unit() {
            return "°C";
        }

        @Override
        public String type() {
            return "temperature";
        }
    }

    /** A controller an app keeps off the dashboard, with a value added after {@code visible(false)}. */
    public static final class Calibration extends Controller {
        final NumberValue offset = inputs().number("offset", "Offset");
        NumberValue late;

        Calibration() {
            super("calibration", "Calibration");
            visible(false);
            late = outputs().number("late", "Added later");
        }

        @Action
        @OnDashboard(dashboard = "main", panel = "tools")
        public void reset() {}

        @Override
        protected void inputChanged(Value<?> input) {}
    }

    @Test
    void theDriversTypeAndUnitAreAttributesOfEachValue() {
        Sensor sensor = new Sensor("air", "Air", new Thermometer());
        assertEquals("temperature", sensor.value().sensorType());
        Map<String, Object> attributes = sensor.value().attributes();
        assertEquals("temperature", attributes.get(Value.SENSOR_TYPE));
        assertEquals("°C", attributes.get("unit"));
        assertEquals("", new NumberValue("plain", "Plain").sensorType(), "no type unless declared");
    }

    @Test
    void anInvisibleComponentHidesItsValuesAndActionsButIsStillListed() {
        try (Runtime rt = new Runtime()) {
            Calibration c = rt.add(new Calibration());
            rt.add(new Sensor("air", "Air", new Thermometer()));
            assertFalse(c.offset.isVisible());
            assertFalse(c.late.isVisible(), "a value added after visible(false) is hidden too");
            assertEquals(Boolean.FALSE, c.offset.attributes().get(Value.VISIBLE), "travels with the value");
            assertTrue(rt.registry.value("air").orElseThrow().value().isVisible());
            assertFalse(rt.registry.value("air").orElseThrow().value().attributes().containsKey(Value.VISIBLE));
            ComponentInfo info = rt.registry.components().stream().filter(i -> i.id().equals("calibration"))
                    .findFirst().orElseThrow();
            assertFalse(info.visible());
            assertEquals(List.of("calibration.offset", "calibration.late"), info.valueIds());
            assertEquals(List.of(), rt.actions.action("calibration.reset").orElseThrow().dashboardLinks(),
                    "the action of an invisible component is on no dashboard");
            c.visible(true);
            assertTrue(c.offset.isVisible() && c.late.isVisible());
        }
    }
}
