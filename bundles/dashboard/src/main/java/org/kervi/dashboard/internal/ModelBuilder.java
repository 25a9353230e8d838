package org.kervi.dashboard.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionStateIds;
import org.kervi.api.actions.ParameterInfo;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.Value;

/**
 * Builds dashboards → panels → widgets from the dashboard links of every value and action known here (local
 * and remote), laid out as the {@code org.kervi.dashboard.board} configurations say.
 */
final class ModelBuilder {
    static final String HEADER_PANEL = "header";
    private static final String APP_PREFIX = "app.";

    private final List<ValueEntry> values;
    private final List<ActionInfo> actions;
    private final List<BoardLayout> layouts;
    private final Map<String, ValueEntry> valuesById = new LinkedHashMap<>();

    ModelBuilder(List<ValueEntry> values, List<ActionInfo> actions, List<BoardLayout> layouts) {
        this.values = values;
        this.actions = actions;
        this.layouts = layouts.stream()
                .sorted(Comparator.comparingInt(BoardLayout::order).thenComparing(BoardLayout::id)).toList();
        values.forEach(v -> valuesById.put(v.id(), v));
    }

    Model build(UserSession user, String title, String instanceId, long version) {
        String defaultId = defaultDashboard();
        Map<String, Board> boards = new LinkedHashMap<>();
        for (BoardLayout layout : layouts) {
            boards.computeIfAbsent(layout.id(), id -> new Board(layout));
        }
        JsonArray header = new JsonArray();
        Set<String> visible = new HashSet<>();
        Set<String> restricted = new HashSet<>();
        Set<String> visibleActions = new HashSet<>();
        for (ValueEntry entry : values) {
            for (DashboardLink link : entry.value().dashboardLinks()) {
                place("value", entry.id(), link, defaultId, boards, header, user, visible, restricted);
            }
        }
        for (ActionInfo action : actions) {
            for (DashboardLink link : action.dashboardLinks()) {
                place("action", action.id(), link, defaultId, boards, header, user, visibleActions, restricted);
                if (visibleActions.contains(action.id()) && !link.stateId().isEmpty()) {
                    visible.add(link.stateId()); // the value a bound switch shows comes along with its action
                }
            }
            if (visibleActions.contains(action.id())) {
                // the state badge of its widget
                visible.add(ActionStateIds.state(action.id()));
                visible.add(ActionStateIds.lastError(action.id()));
            }
        }

        JsonObject model = new JsonObject();
        model.addProperty("title", title);
        model.addProperty("instance", instanceId);
        model.addProperty("version", version);
        JsonArray dashboards = new JsonArray();
        for (Board board : boards.values()) {
            if (board.layout.visibleTo(user.rolesAndGroups())) {
                dashboards.add(board.toJson(board.id().equals(defaultId)));
            }
        }
        model.add("dashboards", dashboards);
        model.add("header", header);

        JsonObject valueJson = new JsonObject();
        JsonObject links = new JsonObject();
        Set<String> streamed = new HashSet<>();
        for (ValueEntry entry : values) {
            if (visible.contains(entry.id()) || entry.id().startsWith(APP_PREFIX)) {
                valueJson.add(entry.id(), WireValues.describe(entry));
                streamed.add(entry.id());
                linkState(entry.value()).ifPresent(l -> links.add(entry.id(), l));
            }
        }
        model.add("values", valueJson);
        JsonObject actionJson = new JsonObject();
        for (ActionInfo a : actions) {
            if (visibleActions.contains(a.id())) {
                actionJson.add(a.id(), describe(a));
            }
        }
        model.add("actions", actionJson);
        model.add("links", links);
        model.add("modules", modules());
        model.add("moduleStates", ModuleStatesJson.all());
        ValueEntry appState = valuesById.get("app.state");
        model.addProperty("appState", appState == null || !appState.value().hasFired() ? ""
                : String.valueOf(appState.value().get()));

        Set<String> hidden = new HashSet<>(restricted);
        hidden.removeAll(visible);
        hidden.removeAll(visibleActions);
        return new Model(model, streamed, hidden);
    }

    private void place(String kind, String id, DashboardLink link, String defaultId, Map<String, Board> boards,
            JsonArray header, UserSession user, Set<String> visible, Set<String> restricted) {
        JsonObject widget = new JsonObject();
        widget.addProperty("kind", kind);
        widget.addProperty("id", id);
        widget.addProperty("widget", link.widget().label());
        widget.addProperty("label", link.label());
        widget.addProperty("icon", link.icon());
        if (!link.stateId().isEmpty()) {
            widget.addProperty("state", link.stateId());
        }
        boolean headerOnly = link.header() && link.panelId().equals(HEADER_PANEL)
                && link.dashboardId().equals(DashboardLink.DEFAULT_DASHBOARD);
        if (link.header()) {
            header.add(widget);
            visible.add(id);
        }
        if (headerOnly) {
            return;
        }
        String boardId = link.dashboardId().equals(DashboardLink.DEFAULT_DASHBOARD) ? defaultId : link.dashboardId();
        Board board = boards.computeIfAbsent(boardId, b -> new Board(implicitLayout(b)));
        if (board.layout.visibleTo(user.rolesAndGroups())) {
            board.panel(link.panelId()).widgets.add(widget);
            visible.add(id);
        } else {
            restricted.add(id);
        }
    }

    /** The configured default, else the first configured dashboard, else the first one linked to, else "main". */
    private String defaultDashboard() {
        Optional<BoardLayout> configured = layouts.stream().filter(BoardLayout::isDefault).findFirst();
        if (configured.isPresent()) {
            return configured.get().id();
        }
        if (!layouts.isEmpty()) {
            return layouts.get(0).id();
        }
        List<DashboardLink> all = new ArrayList<>();
        values.forEach(v -> all.addAll(v.value().dashboardLinks()));
        actions.forEach(a -> all.addAll(a.dashboardLinks()));
        return all.stream().map(DashboardLink::dashboardId).filter(d -> !d.equals(DashboardLink.DEFAULT_DASHBOARD))
                .findFirst().orElse("main");
    }

    private static BoardLayout implicitLayout(String id) {
        return new BoardLayout(id, "", false, Integer.MAX_VALUE, Set.of(), List.of());
    }

    /** {@code {"source":…,"resolved":…}} for a value that follows another id; resolved while that id is known. */
    private Optional<JsonObject> linkState(Value<?> value) {
        if (!(value.attributes().get(Value.LINKED_TO) instanceof List<?> sources) || sources.isEmpty()) {
            return Optional.empty();
        }
        String source = String.valueOf(sources.get(0));
        JsonObject o = new JsonObject();
        o.addProperty("source", source);
        o.addProperty("resolved", valuesById.containsKey(source));
        return Optional.of(o);
    }

    private JsonArray modules() {
        JsonArray modules = new JsonArray();
        for (ValueEntry entry : values) {
            String id = entry.id();
            if (id.startsWith("app.module.") && id.endsWith(".state")) {
                String name = id.substring("app.module.".length(), id.length() - ".state".length());
                JsonObject m = new JsonObject();
                m.addProperty("name", name);
                m.addProperty("state", entry.value().hasFired() ? String.valueOf(entry.value().get()) : "");
                ValueEntry restarts = valuesById.get("app.module." + name + ".restarts");
                m.addProperty("restarts", restarts == null || !(restarts.value().get() instanceof Number n) ? 0
                        : n.intValue());
                modules.add(m);
            }
        }
        return modules;
    }

    private static JsonObject describe(ActionInfo a) {
        JsonObject o = new JsonObject();
        o.addProperty("id", a.id());
        o.addProperty("name", a.name());
        o.addProperty("owner", a.owner());
        JsonArray params = new JsonArray();
        for (ParameterInfo p : a.parameters()) {
            JsonObject po = new JsonObject();
            po.addProperty("name", p.name());
            po.addProperty("type", p.type());
            params.add(po);
        }
        o.add("parameters", params);
        o.addProperty("returnType", a.returnType());
        o.addProperty("confirm", a.confirm());
        return o;
    }

    static String titleFromId(String id) {
        String words = id.replace('_', ' ').replace('-', ' ').trim();
        return words.isEmpty() ? id : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** A dashboard being built: configured panels first, in their order, then panels met in links. */
    private static final class Board {
        final BoardLayout layout;
        final Map<String, Panel> panels = new LinkedHashMap<>();

        Board(BoardLayout layout) {
            this.layout = layout;
            layout.panels().forEach(p -> panels.put(p.id(), new Panel(p)));
        }

        String id() {
            return layout.id();
        }

        Panel panel(String id) {
            return panels.computeIfAbsent(id, p -> new Panel(new BoardLayout.PanelLayout(p, "", 0)));
        }

        JsonObject toJson(boolean isDefault) {
            JsonObject o = new JsonObject();
            o.addProperty("id", layout.id());
            o.addProperty("name", layout.name().isEmpty() ? titleFromId(layout.id()) : layout.name());
            o.addProperty("isDefault", isDefault);
            JsonArray ps = new JsonArray();
            panels.values().forEach(p -> ps.add(p.toJson()));
            o.add("panels", ps);
            return o;
        }
    }

    private static final class Panel {
        final BoardLayout.PanelLayout layout;
        final JsonArray widgets = new JsonArray();

        Panel(BoardLayout.PanelLayout layout) {
            this.layout = layout;
        }

        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("id", layout.id());
            o.addProperty("title", layout.title().isEmpty() ? titleFromId(layout.id()) : layout.title());
            o.addProperty("width", layout.width());
            o.add("widgets", widgets);
            return o;
        }
    }
}
