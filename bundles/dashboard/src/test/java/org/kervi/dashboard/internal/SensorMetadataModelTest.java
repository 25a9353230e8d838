package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.ValueRole;

/** A value's sensor type and unit reach the model; a value declared invisible stays out of it entirely. */
class SensorMetadataModelTest {
    private static final UserSession ADMIN = new UserSession("karaf", Set.of("admin"), Set.of(), "t", true);

    private final NumberValue air = new NumberValue("air", "Air").unit("°C");
    private final NumberValue secret = new NumberValue("calibration.offset", "Offset").unit("°C");

    SensorMetadataModelTest() {
        air.sensorType("temperature");
        air.role(ValueRole.SENSOR).linkToDashboard(DashboardLink.of("main", "climate", WidgetType.VALUE));
        secret.visible(false).linkToDashboard(DashboardLink.of("main", "climate", WidgetType.VALUE).inHeader());
        air.set(21.5);
        secret.set(0.4);
    }

    private JsonObject model() {
        List<ValueEntry> values = List.of(new ValueEntry(air, "air", "sensors", false),
                new ValueEntry(secret, "calibration", "sensors", false));
        ActionInfo hiddenAction = new ActionInfo("calibration.reset", "Reset", "calibration", "sensors", false,
                List.of(), "void", "", ActionConcurrency.SERIAL, Duration.ofSeconds(1), List.of());
        return new ModelBuilder(values, List.of(hiddenAction), List.of()).build(ADMIN, "T", "root", 1).json();
    }

    @Test
    void theSensorTypeAndUnitAreInTheValuesMetadata() {
        JsonObject meta = model().getAsJsonObject("values").getAsJsonObject("air");
        assertEquals("number", meta.get("type").getAsString(), "type stays the value's kind");
        assertEquals("temperature", meta.get("sensorType").getAsString());
        assertEquals("°C", meta.get("unit").getAsString());
    }

    @Test
    void anInvisibleValueIsNeitherListedNorPlacedNorInTheHeader() {
        JsonObject m = model();
        String json = m.toString();
        assertFalse(m.getAsJsonObject("values").has("calibration.offset"), json);
        assertEquals(0, m.getAsJsonArray("header").size(), json);
        assertEquals(1, m.getAsJsonArray("dashboards").get(0).getAsJsonObject().getAsJsonArray("panels").get(0)
                .getAsJsonObject().getAsJsonArray("widgets").size(), "only air on the panel: " + json);
        assertFalse(json.contains("calibration"), json);
        assertTrue(m.getAsJsonObject("values").has("air"), json);
    }
}
