package org.kervi.api.components;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kervi.api.Ids;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.values.Value;

/**
 * Base of everything a module contributes: a sensor, a controller, or an application component with actions.
 * Register a subclass as an OSGi service of this type ({@code @Component(service = KerviComponent.class)});
 * the runtime adds its values, links and {@code @Action} methods, and starts it once the application is ready.
 */
public abstract class KerviComponent {
    private static final Logger LOG = System.getLogger(KerviComponent.class.getName());
    private final String id;
    private final String name;
    private final List<Value<?>> values = new CopyOnWriteArrayList<>();
    private final List<DashboardLink> dashboardLinks = new CopyOnWriteArrayList<>();
    private volatile ComponentContext context;
    private volatile boolean visible = true;

    protected KerviComponent(String id, String name) {
        this.id = Ids.requireValid(id, "component");
        this.name = name == null || name.isBlank() ? id : name;
    }

    public final String id() {
        return id;
    }

    public final String name() {
        return name;
    }

    /** "sensor", "controller" or "component". */
    public String type() {
        return "component";
    }

    /** Every value this component owns, in the order added. */
    public final List<Value<?>> values() {
        return new ArrayList<>(values);
    }

    /** Adds a value this component owns; its id must be unique in the application. */
    protected final <V extends Value<?>> V addValue(V value) {
        values.add(Objects.requireNonNull(value));
        if (!visible) {
            value.visible(false);
        }
        return value;
    }

    /**
     * Hides this component from the dashboard (Kervi's {@code visible=False}): its values, present and added later,
     * and its actions leave the dashboard's model, panels and header; the shell still lists them, marked hidden.
     * Call it before the component is registered (in the constructor).
     */
    public KerviComponent visible(boolean shown) {
        visible = shown;
        values.forEach(v -> v.visible(shown));
        return this;
    }

    public final boolean isVisible() {
        return visible;
    }

    /** Shows this component (a controller panel, say) on a dashboard. */
    public KerviComponent linkToDashboard(DashboardLink link) {
        dashboardLinks.add(Objects.requireNonNull(link));
        return this;
    }

    public final List<DashboardLink> dashboardLinks() {
        return List.copyOf(dashboardLinks);
    }

    /**
     * What is wrong with this component's own work right now (a sensor whose driver fails), or null when it works.
     * Shown as the component's state ({@code kervi:components}).
     */
    public String lastError() {
        return null;
    }

    public final boolean isStarted() {
        return context != null;
    }

    /** The context while started, else null. */
    protected final ComponentContext context() {
        return context;
    }

    /** Called by the runtime once the application is ready. */
    public final synchronized void start(ComponentContext newContext) {
        if (context != null) {
            return;
        }
        context = Objects.requireNonNull(newContext);
        try {
            beforeStart();
            onStart();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "start of component " + id + " failed", e);
        }
    }

    /** Called by the runtime when the component goes away or the application exits. */
    public final synchronized void stop() {
        if (context == null) {
            return;
        }
        try {
            onExit();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "exit of component " + id + " failed", e);
        } finally {
            afterExit();
            context = null;
        }
    }

    /** Runtime work of a base class (a sensor's polling) before {@link #onStart()}. */
    void beforeStart() {}

    /** Undoes {@link #beforeStart()} after {@link #onExit()}. */
    void afterExit() {}

    /** Override to act when the application is ready. */
    protected void onStart() {}

    /** Override to act before the component stops. */
    protected void onExit() {}

    @Override
    public String toString() {
        return type() + " " + id;
    }
}
