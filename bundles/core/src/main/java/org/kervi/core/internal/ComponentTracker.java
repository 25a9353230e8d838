package org.kervi.core.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.kervi.api.Registration;
import org.kervi.api.components.ComponentContext;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.runtime.Lifecycle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up {@link KerviComponent} services from any bundle, at any time (the whiteboard pattern): registers their
 * values, links and actions, starts them once the application is ready, and removes them when their service goes.
 */
@Component(service = Lifecycle.class, immediate = true, configurationPid = "org.kervi.core")
public final class ComponentTracker implements Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentTracker.class);
    private final Registry registry;
    private final ActionDispatcher actions;
    private final ScheduledExecutorService scheduler;
    private final ComponentContext context;
    private final Map<KerviComponent, Registration> accepted = new ConcurrentHashMap<>();
    private volatile boolean ready;

    @Activate
    public ComponentTracker(@Reference Registry registry, @Reference ActionDispatcher actions, CoreConfig config) {
        this(registry, actions, config,
                new ScheduledThreadPoolExecutor(Math.max(1, config.pollThreads()), new NamedThreads("kervi-poll")));
    }

    /** With the scheduler components poll on (a test's hand-driven one); it is shut down with the tracker. */
    public ComponentTracker(Registry registry, ActionDispatcher actions, CoreConfig config,
            ScheduledExecutorService scheduler) {
        this.registry = registry;
        this.actions = actions;
        this.scheduler = scheduler;
        String instanceId = registry.instanceId();
        this.context = new ComponentContext() {
            @Override
            public ScheduledExecutorService scheduler() {
                return scheduler;
            }

            @Override
            public String instanceId() {
                return instanceId;
            }
        };
        this.ready = config.readyOnStart();
    }

    @Deactivate
    public void deactivate() {
        accepted.keySet().forEach(KerviComponent::stop);
        scheduler.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = KerviComponent.class)
    void addComponent(KerviComponent component, ServiceReference<KerviComponent> reference) {
        add(component, reference.getBundle() == null ? "" : reference.getBundle().getSymbolicName());
    }

    /** Unregisters a component added by {@link #add}. */
    public void remove(KerviComponent component) {
        removeComponent(component);
    }

    /** Whether a component was added and not refused. */
    public boolean isAccepted(KerviComponent component) {
        return accepted.containsKey(component);
    }

    /** Adds a component as if bundle {@code bundle} had registered it; a refused one is listed with the reason. */
    public void add(KerviComponent component, String bundle) {
        List<String> actionIds;
        try {
            actionIds = actions.addComponent(component, registry.instanceId());
        } catch (RuntimeException e) {
            refuse(component, bundle, e);
            return;
        }
        try {
            registry.addComponent(component, bundle, actionIds);
        } catch (RuntimeException e) {
            actions.removeComponent(component);
            refuse(component, bundle, e);
            return;
        }
        Registration states;
        try {
            states = registry.addRuntimeValues("", actions.stateValues(component));
        } catch (RuntimeException e) {
            LOG.warn("Kervi {} '{}': the state values of its actions are not registered: {}", component.type(),
                    component.id(), e.getMessage());
            states = () -> { };
        }
        accepted.put(component, states);
        LOG.info("Kervi {} '{}' added from {}: {} values, {} actions", component.type(), component.id(), bundle,
                component.values().size(), actionIds.size());
        if (ready) {
            component.start(context);
        }
    }

    void removeComponent(KerviComponent component) {
        Registration states = accepted.remove(component);
        if (states != null) {
            component.stop();
            states.close();
            actions.removeComponent(component);
            LOG.info("Kervi {} '{}' removed", component.type(), component.id());
        }
        registry.removeComponent(component);
    }

    private void refuse(KerviComponent component, String bundle, RuntimeException e) {
        LOG.error("Kervi {} '{}' from {} refused: {}", component.type(), component.id(), bundle, e.getMessage());
        registry.addRefused(component, bundle, e.getMessage());
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public void markReady() {
        ready = true;
        accepted.keySet().forEach(c -> c.start(context));
    }
}
