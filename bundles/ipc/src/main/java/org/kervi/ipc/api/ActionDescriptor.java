package org.kervi.ipc.api;

import java.time.Duration;
import java.util.List;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ParameterInfo;
import org.kervi.api.dashboard.DashboardLink;

/**
 * An action as the directory knows it: how to call it and show it elsewhere, including the {@code unit} and
 * {@code decimals} of its result (empty and -1 when not declared, or from a peer that does not send them).
 */
public record ActionDescriptor(String id, String name, String componentId, List<ParameterInfo> parameters,
        String returnType, String confirm, ActionConcurrency concurrency, Duration timeout,
        List<DashboardLink> dashboardLinks, String unit, int decimals) {

    public ActionDescriptor {
        name = name == null ? id : name;
        componentId = componentId == null ? "" : componentId;
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        returnType = returnType == null ? "" : returnType;
        confirm = confirm == null ? "" : confirm;
        concurrency = concurrency == null ? ActionConcurrency.SERIAL : concurrency;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        dashboardLinks = dashboardLinks == null ? List.of() : List.copyOf(dashboardLinks);
        unit = unit == null ? "" : unit;
    }

    /** An action whose result is shown as returned. */
    public ActionDescriptor(String id, String name, String componentId, List<ParameterInfo> parameters,
            String returnType, String confirm, ActionConcurrency concurrency, Duration timeout,
            List<DashboardLink> dashboardLinks) {
        this(id, name, componentId, parameters, returnType, confirm, concurrency, timeout, dashboardLinks, "", -1);
    }

    /** An action shown on no dashboard, whose result is shown as returned. */
    public ActionDescriptor(String id, String name, String componentId, List<ParameterInfo> parameters,
            String returnType, String confirm, ActionConcurrency concurrency, Duration timeout) {
        this(id, name, componentId, parameters, returnType, confirm, concurrency, timeout, List.of());
    }
}
