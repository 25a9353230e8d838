package org.kervi.itests.producer;

import org.kervi.api.components.Sensor;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;

/** A sensor whose value {@value #ID} gets its type and unit from {@link ProbeDriver}; on the dashboard "probes". */
public class TypedProbe extends Sensor {
    public static final String ID = "probe_temperature";

    public TypedProbe() {
        super(ID, "Probe", new ProbeDriver());
        linkToDashboard(DashboardLink.of("probes", "climate", WidgetType.VALUE));
    }
}
