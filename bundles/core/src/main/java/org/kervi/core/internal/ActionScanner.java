package org.kervi.core.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import org.kervi.api.Ids;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.OnDashboard;

/** Finds the {@code @Action} methods of a component. */
final class ActionScanner {
    private ActionScanner() {}

    static List<LocalAction> scan(KerviComponent component, String owner, long defaultTimeoutMillis, Executor pool) {
        List<LocalAction> actions = new ArrayList<>();
        List<Method> methods = new ArrayList<>();
        for (Method m : component.getClass().getMethods()) {
            if (m.isAnnotationPresent(Action.class) && !Modifier.isStatic(m.getModifiers())) {
                methods.add(m);
            }
        }
        methods.sort(Comparator.comparing(Method::getName));
        for (Method method : methods) {
            Action a = method.getAnnotation(Action.class);
            String ownId = a.id().isEmpty() ? method.getName() : a.id();
            String id = a.global() ? ownId : Ids.join(component.id(), ownId);
            Ids.requireValid(id, "action");
            method.setAccessible(true);
            ActionInfo info = new ActionInfo(id, a.name().isEmpty() ? ownId : a.name(), component.id(), owner, true,
                    List.of(ArgumentConverter.describe(method.getParameters())),
                    ArgumentConverter.typeName(method.getReturnType()), a.confirm(), a.concurrency(),
                    LocalAction.defaultTimeout(a.timeoutMillis(), defaultTimeoutMillis),
                    component.isVisible() ? dashboardLinks(method) : List.of(), a.unit(), a.decimals());
            actions.add(new LocalAction(info, component, method, pool));
        }
        return actions;
    }

    private static List<DashboardLink> dashboardLinks(Method method) {
        List<DashboardLink> links = new ArrayList<>();
        for (OnDashboard d : method.getAnnotationsByType(OnDashboard.class)) {
            links.add(new DashboardLink(d.dashboard(), d.panel(), d.widget(), d.header(), d.label(), d.icon(),
                    d.state()));
        }
        return links;
    }
}
