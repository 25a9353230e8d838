package org.kervi.api.actions;

import java.time.Duration;
import java.util.List;
import org.kervi.api.dashboard.DashboardLink;

/** What is known of an action: where it lives, how to call it. */
public record ActionInfo(String id, String name, String componentId, String owner, boolean local,
        List<ParameterInfo> parameters, String returnType, String confirm, ActionConcurrency concurrency,
        Duration timeout, List<DashboardLink> dashboardLinks) {

    public ActionInfo {
        parameters = List.copyOf(parameters);
        confirm = confirm == null ? "" : confirm;
        dashboardLinks = dashboardLinks == null ? List.of() : List.copyOf(dashboardLinks);
    }

    /** An action shown on no dashboard. */
    public ActionInfo(String id, String name, String componentId, String owner, boolean local,
            List<ParameterInfo> parameters, String returnType, String confirm, ActionConcurrency concurrency,
            Duration timeout) {
        this(id, name, componentId, owner, local, parameters, returnType, confirm, concurrency, timeout, List.of());
    }

    public String signature() {
        StringBuilder b = new StringBuilder(id).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(parameters.get(i));
        }
        return b.append(')').toString();
    }
}
