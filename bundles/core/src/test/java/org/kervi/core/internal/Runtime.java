package org.kervi.core.internal;

import org.kervi.api.components.KerviComponent;
import org.osgi.framework.ServiceReference;

/** The core's three components wired as DS would wire them. */
final class Runtime implements AutoCloseable {
    final Registry registry;
    final ActionDispatcher actions;
    final ComponentTracker tracker;

    Runtime(TestConfig config) {
        registry = new Registry(config);
        actions = new ActionDispatcher(config);
        actions.setRegistry(registry);
        tracker = new ComponentTracker(registry, actions, config);
    }

    Runtime() {
        this(new TestConfig());
    }

    @SuppressWarnings("unchecked")
    <C extends KerviComponent> C add(C component) {
        tracker.addComponent(component, (ServiceReference<KerviComponent>) NO_BUNDLE);
        return component;
    }

    void remove(KerviComponent component) {
        tracker.removeComponent(component);
    }

    @Override
    public void close() {
        tracker.deactivate();
        actions.deactivate();
    }

    private static final ServiceReference<?> NO_BUNDLE = (ServiceReference<?>) java.lang.reflect.Proxy.newProxyInstance(
            Runtime.class.getClassLoader(), new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> null);
}
