package org.kervi.itests.producer;

import org.kervi.api.actions.Action;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.OnDashboard;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.values.NumberValue;

/**
 * A component declared {@code visible(false)} although its value {@value #VALUE} and its action {@value #ACTION}
 * are linked to the dashboard "probes" and the header: the dashboard must show neither, the shell both.
 */
public class HiddenTool extends KerviComponent {
    public static final String VALUE = "hidden_tool.level";
    public static final String ACTION = "hidden_tool.reset";
    public static final String STALL = "hidden_tool.stall";
    public static final long STALL_TIMEOUT_MILLIS = 400;

    public HiddenTool() {
        super("hidden_tool", "Hidden tool");
        addValue(new NumberValue(VALUE, "Level").unit("mm"))
                .linkToDashboard(DashboardLink.of("probes", "climate", WidgetType.VALUE).inHeader());
        visible(false);
    }

    @Action
    @OnDashboard(dashboard = "probes", panel = "climate")
    public void reset() {}

    /** Never answers in time: its default timeout is {@value #STALL_TIMEOUT_MILLIS} ms. */
    @Action(timeoutMillis = STALL_TIMEOUT_MILLIS)
    public void stall() throws InterruptedException {
        Thread.sleep(60_000);
    }
}
