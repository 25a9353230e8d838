package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ParameterInfo;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.runtime.ModuleState;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.ValueRole;
import org.junit.jupiter.api.Test;

class ModelBuilderTest {
    private static final UserSession ADMIN = new UserSession("karaf", Set.of("admin"), Set.of("admingroup"), "t",
            true);
    private static final UserSession VIEWER = new UserSession("viewer", Set.of("viewer"), Set.of(), "t", false);

    private final NumberValue cpu = new NumberValue("cpu_load", "CPU").unit("%");
    {
        cpu.role(ValueRole.SENSOR);
    }
    private final NumberValue temp = new NumberValue("fan.temp", "Temperature");
    private final BooleanValue boost = new BooleanValue("fan.boost", "Boost");
    private final ActionInfo activate = new ActionInfo("fan.activate", "Activate", "fan", "controllers", false,
            List.of(new ParameterInfo("on", "boolean")), "double", "Sure?", ActionConcurrency.SERIAL,
            Duration.ofSeconds(5), List.of(DashboardLink.of("fan", "actions", WidgetType.BUTTON)));

    ModelBuilderTest() {
        cpu.linkToDashboard(DashboardLink.header(WidgetType.VALUE));
        cpu.linkToDashboard(DashboardLink.of("system", "cpu", WidgetType.CHART));
        temp.role(ValueRole.INPUT).linkTo("cpu_load");
        temp.linkToDashboard(DashboardLink.of("fan", "controller", WidgetType.GAUGE));
        boost.role(ValueRole.INPUT).linkToDashboard(DashboardLink.of("*", "controller", WidgetType.SWITCH));
        cpu.set(42.5);
    }

    private List<ValueEntry> entries() {
        return List.of(new ValueEntry(cpu, "cpu_load", "sensors", false), new ValueEntry(temp, "fan", "root", true),
                new ValueEntry(boost, "fan", "root", true));
    }

    private static BoardLayout fanLayout(String groups) {
        return new BoardLayout("fan", "Fan", true, 1, BoardLayout.commaSeparated(groups),
                BoardLayout.panels("actions:Actions:40, controller:Controller:60"));
    }

    @Test
    void configuredLayoutComesFirstAndOrdersPanels() {
        JsonObject m = new ModelBuilder(entries(), List.of(activate), List.of(fanLayout(""))).build(ADMIN, "T", "root",
                3).json();
        JsonArray dashboards = m.getAsJsonArray("dashboards");
        assertEquals(2, dashboards.size());
        JsonObject fan = dashboards.get(0).getAsJsonObject();
        assertEquals("fan", fan.get("id").getAsString());
        assertTrue(fan.get("isDefault").getAsBoolean());
        JsonArray panels = fan.getAsJsonArray("panels");
        assertEquals("actions", panels.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals(40, panels.get(0).getAsJsonObject().get("width").getAsInt());
        assertEquals("fan.activate", panels.get(0).getAsJsonObject().getAsJsonArray("widgets").get(0)
                .getAsJsonObject().get("id").getAsString());
        JsonArray controller = panels.get(1).getAsJsonObject().getAsJsonArray("widgets");
        assertEquals(2, controller.size(), "the default dashboard ('*') is fan: boost lands there too");
        JsonObject system = dashboards.get(1).getAsJsonObject();
        assertEquals("System", system.get("name").getAsString());
        assertEquals("Cpu", system.getAsJsonArray("panels").get(0).getAsJsonObject().get("title").getAsString());
        assertEquals("cpu_load", m.getAsJsonArray("header").get(0).getAsJsonObject().get("id").getAsString());
        assertEquals(3, m.get("version").getAsLong());
    }

    @Test
    void valuesCarryTypeRoleRangeAndState() {
        JsonObject m = new ModelBuilder(entries(), List.of(activate), List.of()).build(ADMIN, "T", "root", 1).json();
        JsonObject cpuJson = m.getAsJsonObject("values").getAsJsonObject("cpu_load");
        assertEquals("number", cpuJson.get("type").getAsString());
        assertEquals("%", cpuJson.get("unit").getAsString());
        assertEquals(42.5, cpuJson.get("value").getAsDouble());
        assertEquals("sensors", cpuJson.get("owner").getAsString());
        assertFalse(cpuJson.get("writable").getAsBoolean());
        assertTrue(m.getAsJsonObject("values").getAsJsonObject("fan.boost").get("writable").getAsBoolean());
        JsonObject link = m.getAsJsonObject("links").getAsJsonObject("fan.temp");
        assertEquals("cpu_load", link.get("source").getAsString());
        assertTrue(link.get("resolved").getAsBoolean());
        assertEquals("Sure?", m.getAsJsonObject("actions").getAsJsonObject("fan.activate").get("confirm")
                .getAsString());
    }

    @Test
    void aLinkToAnUnknownIdIsUnresolved() {
        List<ValueEntry> withoutCpu = List.of(new ValueEntry(temp, "fan", "root", true));
        JsonObject m = new ModelBuilder(withoutCpu, List.of(), List.of()).build(ADMIN, "T", "root", 1).json();
        assertFalse(m.getAsJsonObject("links").getAsJsonObject("fan.temp").get("resolved").getAsBoolean());
    }

    @Test
    void restrictedDashboardsAndTheirIdsAreHiddenFromOtherGroups() {
        Model viewer = new ModelBuilder(entries(), List.of(activate), List.of(fanLayout("admingroup")))
                .build(VIEWER, "T", "root", 1);
        assertFalse(viewer.json().get("dashboards").toString().contains("\"id\":\"fan\""));
        assertTrue(viewer.streamedIds().contains("cpu_load"));
        assertFalse(viewer.streamedIds().contains("fan.temp"));
        HttpError e = assertThrows(HttpError.class, () -> viewer.requireAllowed("fan.temp"));
        assertEquals(403, e.status());
        assertThrows(HttpError.class, () -> viewer.requireAllowed("fan.activate"));
        viewer.requireAllowed("cpu_load");
        viewer.requireAllowed("not_on_any_dashboard");

        Model admin = new ModelBuilder(entries(), List.of(activate), List.of(fanLayout("admingroup")))
                .build(ADMIN, "T", "root", 1);
        assertTrue(admin.streamedIds().contains("fan.temp"));
        admin.requireAllowed("fan.temp");
    }

    @Test
    void withoutLayoutsTheFirstLinkedDashboardIsTheDefault() {
        JsonObject m = new ModelBuilder(entries(), List.of(), List.of()).build(ADMIN, "T", "root", 1).json();
        JsonObject first = m.getAsJsonArray("dashboards").get(0).getAsJsonObject();
        assertEquals("system", first.get("id").getAsString());
        assertTrue(first.get("isDefault").getAsBoolean());
    }

    @Test
    void panelSpecsAreParsedAndBadWidthsNamed() {
        List<BoardLayout.PanelLayout> panels = BoardLayout.panels(" a , b:Bee , c:Sea:50% ");
        assertEquals(List.of(new BoardLayout.PanelLayout("a", "", 0), new BoardLayout.PanelLayout("b", "Bee", 0),
                new BoardLayout.PanelLayout("c", "Sea", 50)), panels);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoardLayout.panels("x:X:wide"));
        assertEquals("panel 'x:X:wide': width 'wide' is not a whole number of percent", e.getMessage());
    }

    @Test
    void theModelCarriesEveryModuleStateAndWhetherItServes() {
        JsonObject m = new ModelBuilder(entries(), List.of(), List.of()).build(ADMIN, "T", "root", 1).json();
        JsonArray states = m.getAsJsonArray("moduleStates");
        assertEquals(ModuleState.values().length, states.size());
        for (int i = 0; i < states.size(); i++) {
            JsonObject s = states.get(i).getAsJsonObject();
            ModuleState state = ModuleState.fromKey(s.get("key").getAsString()).orElseThrow();
            assertEquals(state.isServing(), s.get("serving").getAsBoolean(), state.key());
        }
        assertTrue(states.toString().contains("{\"key\":\"crash-looping\",\"serving\":false}"));
    }

    @Test
    void anActionBoundToAStateValueNamesItAndStreamsIt() {
        BooleanValue active = new BooleanValue("fan.active", "Active");
        ActionInfo bound = new ActionInfo("fan.activate", "Activate", "fan", "controllers", false,
                List.of(new ParameterInfo("on", "boolean")), "double", "", ActionConcurrency.SERIAL,
                Duration.ofSeconds(5), List.of(DashboardLink.of("fan", "actions", WidgetType.SWITCH)
                        .withState("fan.active")));
        List<ValueEntry> values = List.of(new ValueEntry(active, "fan", "controllers", false));
        Model model = new ModelBuilder(values, List.of(bound), List.of()).build(ADMIN, "T", "root", 1);
        JsonObject widget = model.json().getAsJsonArray("dashboards").get(0).getAsJsonObject()
                .getAsJsonArray("panels").get(0).getAsJsonObject().getAsJsonArray("widgets").get(0).getAsJsonObject();
        assertEquals("fan.active", widget.get("state").getAsString());
        assertEquals("switch", widget.get("widget").getAsString());
        assertTrue(model.streamedIds().contains("fan.active"), "the switch needs the state's changes");
        assertTrue(model.json().getAsJsonObject("values").has("fan.active"));
    }

    @Test
    void aShownActionBringsItsRunStateAndLastErrorOnlyToWhoMaySeeIt() {
        org.kervi.api.values.EnumValue state = new org.kervi.api.values.EnumValue("fan.activate.state", "state")
                .option("idle").option("running");
        org.kervi.api.values.StringValue error = new org.kervi.api.values.StringValue("fan.activate.last_error", "e");
        List<ValueEntry> values = List.of(new ValueEntry(state, "", "controllers", false),
                new ValueEntry(error, "", "controllers", false));
        Model admin = new ModelBuilder(values, List.of(activate), List.of(fanLayout("admingroup")))
                .build(ADMIN, "T", "root", 1);
        assertTrue(admin.streamedIds().containsAll(List.of("fan.activate.state", "fan.activate.last_error")));
        assertTrue(admin.json().getAsJsonObject("values").has("fan.activate.state"));
        Model viewer = new ModelBuilder(values, List.of(activate), List.of(fanLayout("admingroup")))
                .build(VIEWER, "T", "root", 1);
        assertFalse(viewer.streamedIds().contains("fan.activate.state"), "the action is on a dashboard hidden to"
                + " the viewer, and so is its state");
    }

    @Test
    void aStateIdMustBeAValidId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DashboardLink.of("fan", "actions", WidgetType.SWITCH).withState("not an id!"));
        assertTrue(e.getMessage().contains("not an id!"), e.getMessage());
    }
}
