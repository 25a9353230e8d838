package org.kervi.core.internal;

import java.lang.annotation.Annotation;
import java.util.Map;
import org.kervi.api.actions.ActionHandler;
import org.kervi.api.components.KerviComponent;
import org.osgi.framework.ServiceReference;

/**
 * One instance's core wired as DS would wire it (like the core's own test {@code Runtime}), for the IPC bridge
 * tests. Lives in the core's package to reach its package-private whiteboard methods.
 */
public final class Core implements AutoCloseable {
    public final Registry registry;
    public final ActionDispatcher actions;
    private final ComponentTracker tracker;

    public Core(String instanceId) {
        CoreConfig config = config(instanceId);
        registry = new Registry(config);
        actions = new ActionDispatcher(config);
        tracker = new ComponentTracker(registry, actions, config);
    }

    @SuppressWarnings("unchecked")
    public <C extends KerviComponent> C add(C component) {
        tracker.addComponent(component, (ServiceReference<KerviComponent>) NO_BUNDLE);
        return component;
    }

    public void remove(KerviComponent component) {
        tracker.removeComponent(component);
    }

    /** What the OSGi service registry would do with an {@link ActionHandler} service. */
    public org.kervi.api.Registration addHandler(ActionHandler handler, String actionId, String owner) {
        Map<String, Object> props = Map.of(ActionHandler.ACTION_ID, actionId, ActionHandler.OWNER, owner);
        actions.addHandler(handler, props);
        return () -> actions.removeHandler(handler, props);
    }

    @Override
    public void close() {
        tracker.deactivate();
        actions.deactivate();
    }

    private static CoreConfig config(String instanceId) {
        return new CoreConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CoreConfig.class;
            }

            @Override
            public String instanceId() {
                return instanceId;
            }

            @Override
            public boolean readyOnStart() {
                return true;
            }

            @Override
            public long actionTimeoutMillis() {
                return 5_000;
            }

            @Override
            public int actionThreads() {
                return 4;
            }

            @Override
            public int actionQueue() {
                return 1000;
            }

            @Override
            public int pollThreads() {
                return 1;
            }
        };
    }

    private static final ServiceReference<?> NO_BUNDLE = (ServiceReference<?>) java.lang.reflect.Proxy.newProxyInstance(
            Core.class.getClassLoader(), new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> null);
}
