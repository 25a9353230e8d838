package org.kervi.ipc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;

/** Dashboard links as JSON-compatible maps: {@code {dashboard, panel, widget, header, label, icon[, state]}}. */
public final class DashboardLinksWire {
    /** The value attribute that carries a value's dashboard links to other instances. */
    public static final String ATTRIBUTE = "dashboard";

    private DashboardLinksWire() {}

    public static List<Map<String, Object>> toWire(List<DashboardLink> links) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DashboardLink l : links) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dashboard", l.dashboardId());
            m.put("panel", l.panelId());
            m.put("widget", l.widget().name().toLowerCase(Locale.ROOT));
            m.put("header", l.header());
            m.put("label", l.label());
            m.put("icon", l.icon());
            if (!l.stateId().isEmpty()) {
                m.put("state", l.stateId());
            }
            out.add(m);
        }
        return out;
    }

    /** The links in {@code wire}; entries that are not valid links are skipped (a newer peer may add fields). */
    public static List<DashboardLink> fromWire(Object wire) {
        List<DashboardLink> links = new ArrayList<>();
        if (!(wire instanceof List<?> list)) {
            return links;
        }
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                try {
                    links.add(new DashboardLink(text(m, "dashboard"), text(m, "panel"),
                            WidgetType.valueOf(text(m, "widget").toUpperCase(Locale.ROOT)),
                            Boolean.TRUE.equals(m.get("header")), text(m, "label"), text(m, "icon"),
                            text(m, "state")));
                } catch (RuntimeException ignored) {
                    // not a link this version understands
                }
            }
        }
        return links;
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }
}
