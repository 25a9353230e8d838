package org.kervi.api.dashboard;

import java.util.Objects;
import org.kervi.api.Ids;

/**
 * A declaration that something appears on a dashboard: where (dashboard and panel), as what widget, whether it
 * also sits in the header strip, and with which label and icon. Plain data; the dashboard bundle renders it.
 */
public record DashboardLink(String dashboardId, String panelId, WidgetType widget, boolean header, String label,
        String icon) {

    public static final String DEFAULT_DASHBOARD = "*";

    public DashboardLink {
        Ids.requireValid(dashboardId.equals(DEFAULT_DASHBOARD) ? "default" : dashboardId, "dashboard");
        Ids.requireValid(panelId, "panel");
        Objects.requireNonNull(widget, "widget");
        label = label == null ? "" : label;
        icon = icon == null ? "" : icon;
    }

    public static DashboardLink of(String dashboardId, String panelId, WidgetType widget) {
        return new DashboardLink(dashboardId, panelId, widget, false, "", "");
    }

    /** On the default dashboard's header strip. */
    public static DashboardLink header(WidgetType widget) {
        return new DashboardLink(DEFAULT_DASHBOARD, "header", widget, true, "", "");
    }

    public DashboardLink inHeader() {
        return new DashboardLink(dashboardId, panelId, widget, true, label, icon);
    }

    public DashboardLink withLabel(String newLabel) {
        return new DashboardLink(dashboardId, panelId, widget, header, newLabel, icon);
    }

    public DashboardLink withIcon(String newIcon) {
        return new DashboardLink(dashboardId, panelId, widget, header, label, newIcon);
    }
}
