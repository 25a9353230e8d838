package org.kervi.core.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.kervi.api.Ids;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionContext;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.Interrupt;
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
        Map<String, Method> interrupts = interruptHandlers(component);
        for (Method method : methods) {
            Action a = method.getAnnotation(Action.class);
            String ownId = a.id().isEmpty() ? method.getName() : a.id();
            String id = a.global() ? ownId : Ids.join(component.id(), ownId);
            Ids.requireValid(id, "action");
            method.setAccessible(true);
            ActionInfo info = new ActionInfo(id, a.name().isEmpty() ? ownId : a.name(), component.id(), owner, true,
                    List.of(ArgumentConverter.describe(LocalAction.callerParameters(method))),
                    ArgumentConverter.typeName(method.getReturnType()), a.confirm(), a.concurrency(),
                    LocalAction.defaultTimeout(a.timeoutMillis(), defaultTimeoutMillis), dashboardLinks(method),
                    a.unit(), a.decimals());
            actions.add(new LocalAction(info, component, method, interrupts.remove(ownId), pool));
        }
        if (!interrupts.isEmpty()) {
            throw new IllegalStateException("component '" + component.id() + "': @Interrupt names no @Action of it: "
                    + interrupts.keySet().stream().sorted().toList() + " (name the action's id or method name)");
        }
        return actions;
    }

    private static Map<String, Method> interruptHandlers(KerviComponent component) {
        Map<String, Method> handlers = new HashMap<>();
        for (Method m : component.getClass().getMethods()) {
            Interrupt i = m.getAnnotation(Interrupt.class);
            if (i == null || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            boolean fits = m.getParameterCount() == 0
                    || m.getParameterCount() == 1 && m.getParameterTypes()[0] == ActionContext.class;
            if (!fits) {
                throw new IllegalStateException("component '" + component.id() + "': @Interrupt method "
                        + m.getName() + " must take no parameters or one ActionContext");
            }
            Method other = handlers.put(i.value(), m);
            if (other != null) {
                throw new IllegalStateException("component '" + component.id() + "': action '" + i.value()
                        + "' has two @Interrupt methods: " + other.getName() + " and " + m.getName());
            }
            m.setAccessible(true);
        }
        return handlers;
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
