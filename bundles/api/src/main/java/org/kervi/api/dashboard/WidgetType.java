package org.kervi.api.dashboard;

/** How a value or action is shown on a dashboard panel. */
public enum WidgetType {
    VALUE, CHART, GAUGE, RADIAL_GAUGE, LINEAR_GAUGE, SWITCH, SLIDER, BUTTON, BUTTONS, DROPDOWN, TEXT, COLOR,
    DATETIME;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
