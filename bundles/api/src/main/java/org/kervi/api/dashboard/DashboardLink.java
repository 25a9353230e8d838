package org.kervi.api.dashboard;

import java.util.Objects;
import org.kervi.api.Ids;

/**
 * A declaration that something appears on a dashboard: where (dashboard and panel), as what widget, whether it
 * also sits in the header strip, and with which label and icon. For an action with one boolean parameter,
 * {@code stateId} names the boolean value that shows its current state: the dashboard draws a switch that shows
 * that value and calls the action with the new position. Plain data; the dashboard bundle renders it.
 */
public record DashboardLink(String dashboardId, String panelId, WidgetType widget, boolean header, String label,
        String icon, String stateId) {

    public static final String DEFAULT_DASHBOARD = "*";

    public DashboardLink {
        Ids.requireValid(dashboardId.equals(DEFAULT_DASHBOARD) ? "default" : dashboardId, "dashboard");
        Ids.requireValid(panelId, "panel");
        Objects.requireNonNull(widget, "widget");
        label = label == null ? "" : label;
        icon = icon == null ? "" : icon;
        stateId = stateId == null ? "" : stateId;
        if (!stateId.isEmpty()) {
            Ids.requireValid(stateId, "state value");
        }
    }

    public DashboardLink(String dashboardId, String panelId, WidgetType widget, boolean header, String label,
            String icon) {
        this(dashboardId, panelId, widget, header, label, icon, "");
    }

    public static DashboardLink of(String dashboardId, String panelId, WidgetType widget) {
        return new DashboardLink(dashboardId, panelId, widget, false, "", "");
    }

    /** On the default dashboard's header strip. */
    public static DashboardLink header(WidgetType widget) {
        return new DashboardLink(DEFAULT_DASHBOARD, "header", widget, true, "", "");
    }

    public DashboardLink inHeader() {
        return new DashboardLink(dashboardId, panelId, widget, true, label, icon, stateId);
    }

    public DashboardLink withLabel(String newLabel) {
        return new DashboardLink(dashboardId, panelId, widget, header, newLabel, icon, stateId);
    }

    public DashboardLink withIcon(String newIcon) {
        return new DashboardLink(dashboardId, panelId, widget, header, label, newIcon, stateId);
    }

    /** An action shown as a switch that displays the boolean value {@code valueId} (see the type's comment). */
    public DashboardLink withState(String valueId) {
        return new DashboardLink(dashboardId, panelId, widget, header, label, icon, valueId);
    }
}
