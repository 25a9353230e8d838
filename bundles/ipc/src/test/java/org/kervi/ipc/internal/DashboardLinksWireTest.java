package org.kervi.ipc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;

class DashboardLinksWireTest {

    @Test
    void aLinkWithItsStateValueCrossesTheWire() {
        List<DashboardLink> links = List.of(DashboardLink.of("fan", "actions", WidgetType.SWITCH)
                .withLabel("Fan control").withIcon("power").withState("fan_controller.active"),
                DashboardLink.header(WidgetType.VALUE));
        assertEquals(links, DashboardLinksWire.fromWire(DashboardLinksWire.toWire(links)));
        assertFalse(DashboardLinksWire.toWire(List.of(DashboardLink.header(WidgetType.VALUE))).get(0)
                .containsKey("state"), "no state key for links without one (older peers see the same maps)");
    }
}
