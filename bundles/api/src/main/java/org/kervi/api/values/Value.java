package org.kervi.api.values;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.kervi.api.Ids;
import org.kervi.api.Registration;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;

/**
 * A typed, observable value with an id.
 *
 * <p>A value is set three ways: by its component's code ({@link #set}), from outside — the shell, the
 * dashboard, another instance — through {@link #setFromOutside}, which converts the raw input to the
 * value's type and checks range and writability, and by a {@link Link}. A set is either <em>accepted</em> —
 * stored, fired to listeners, delivered to links and sent to other instances — or <em>discarded</em> entirely, as if
 * it never happened: by default only real changes are accepted; a {@link NumberValue} accepts every set, or with a
 * delta only a value at least that far from the last accepted one. The first set is always accepted.
 *
 * <p>Thread-safe. Listeners run on the thread that set the value.
 */
public abstract class Value<T> {
    private final String id;
    private final String name;
    private final ValueKind kind;
    private volatile ValueRole role = ValueRole.STANDALONE;
    private final CopyOnWriteArrayList<ValueListener<? super T>> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Link> links = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<Link>> linkWatchers = new CopyOnWriteArrayList<>();
    private final List<DashboardLink> dashboardLinks = new CopyOnWriteArrayList<>();
    private final Map<String, Object> extraAttributes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object lock = new Object();
    private T current;
    private boolean fired;
    private long changedAtMillis;

    protected Value(String id, String name, ValueKind kind, T initial) {
        this.id = Ids.requireValid(id, "value");
        this.name = name == null || name.isBlank() ? id : name;
        this.kind = Objects.requireNonNull(kind);
        this.current = initial;
    }

    public final String id() {
        return id;
    }

    public final String name() {
        return name;
    }

    public final ValueKind kind() {
        return kind;
    }

    public final ValueRole role() {
        return role;
    }

    /** Sets the role; done by the component that owns the value before it is registered. */
    public final Value<T> role(ValueRole newRole) {
        this.role = Objects.requireNonNull(newRole);
        return this;
    }

    public final T get() {
        synchronized (lock) {
            return current;
        }
    }

    /** Whether a set was accepted at least once (a late subscriber gets its value at once only then). */
    public final boolean hasFired() {
        synchronized (lock) {
            return fired;
        }
    }

    /** When a set was last accepted, in epoch milliseconds; 0 if never set. */
    public final long changedAtMillis() {
        synchronized (lock) {
            return changedAtMillis;
        }
    }

    /** Sets the value from the owning component's code: no range check, no writability check. */
    public void set(T newValue) {
        update(requireValue(newValue), ValueSource.CODE);
    }

    /**
     * Sets the value from outside (shell, dashboard, another instance): converts {@code raw} to this value's
     * type, checks range and options, and refuses values that only their component may set.
     *
     * @throws ValueRejectedException saying what was wrong
     */
    public final void setFromOutside(Object raw) {
        if (!role.writableFromOutside()) {
            throw readOnly(id, role);
        }
        T converted = convert(raw);
        checkAllowed(converted);
        update(converted, ValueSource.EXTERNAL);
    }

    /** The error for a write from outside to a value only its component may set. */
    public static ValueRejectedException readOnly(String id, ValueRole role) {
        return new ValueRejectedException(id, "is read-only (" + role.label() + "); only its component sets it");
    }

    /** Checks and converts {@code raw} without setting anything. */
    public final T validate(Object raw) {
        T converted = convert(raw);
        checkAllowed(converted);
        return converted;
    }

    final void setFromLink(Object raw) {
        update(convert(raw), ValueSource.LINK);
    }

    /**
     * Converts raw input (a String from the shell, a JSON scalar, a number...) to this value's type.
     *
     * @throws ValueRejectedException when it cannot be converted
     */
    public abstract T convert(Object raw);

    /** Checks a converted value from outside against range or options; throws {@link ValueRejectedException}. */
    protected void checkAllowed(T candidate) {}

    /**
     * Whether a set to {@code next} is accepted, given the last accepted value; a set that is not is discarded (not
     * stored, not fired). Not asked for the first set, which is always accepted. Default: only a real change.
     */
    protected boolean shouldFire(T lastAccepted, T next) {
        return !Objects.equals(lastAccepted, next);
    }

    /**
     * Attributes for the directory, the shell and the dashboard: those set with {@link #attribute}, the ids this
     * value follows ({@code linkedTo}), and the type's own (unit, min, max, options...).
     */
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>(extraAttributes);
        List<String> sources = new ArrayList<>();
        for (Link link : links) {
            if (link.sourceId() != null) {
                sources.add(link.sourceId());
            }
        }
        if (!sources.isEmpty()) {
            a.put(LINKED_TO, sources);
        }
        return a;
    }

    /** The attribute that lists the ids a value follows. */
    public static final String LINKED_TO = "linkedTo";

    /**
     * Sets a descriptive attribute (JSON-compatible: text, number, boolean, list, map), shown with the value and
     * carried to other instances with it.
     */
    public final Value<T> attribute(String key, Object attributeValue) {
        extraAttributes.put(Objects.requireNonNull(key), Objects.requireNonNull(attributeValue));
        return this;
    }

    /** The attribute naming what a value measures ({@link #sensorType(String)}). */
    public static final String SENSOR_TYPE = "sensorType";

    /**
     * Says what the value measures — {@code temperature}, {@code humidity}, {@code cpu_load}... (Kervi's sensor
     * type); a sensor sets it from its driver's {@code type()}. Shown by the shell and the dashboard (which draws a
     * matching icon when the dashboard link names none); blank removes it.
     */
    public final Value<T> sensorType(String type) {
        if (type == null || type.isBlank()) {
            extraAttributes.remove(SENSOR_TYPE);
        } else {
            extraAttributes.put(SENSOR_TYPE, type.trim());
        }
        return this;
    }

    /** What {@link #sensorType(String)} declared (here or, for a proxy, by the owner); empty when nothing. */
    public final String sensorType() {
        Object type = extraAttributes.get(SENSOR_TYPE);
        return type == null ? "" : type.toString();
    }

    /** The attribute that hides a value from the dashboard ({@link #visible(boolean)}); present only as false. */
    public static final String VISIBLE = "visible";

    /**
     * Hides the value from the dashboard (its model, panels and header; Kervi's {@code visible=False}) or shows it
     * again; the shell lists it anyway, marked hidden. Values are visible unless told otherwise.
     */
    public final Value<T> visible(boolean shown) {
        if (shown) {
            extraAttributes.remove(VISIBLE);
        } else {
            extraAttributes.put(VISIBLE, Boolean.FALSE);
        }
        return this;
    }

    /** False once {@link #visible(boolean) visible(false)} was declared (here or, for a proxy, by the owner). */
    public final boolean isVisible() {
        return !Boolean.FALSE.equals(extraAttributes.get(VISIBLE));
    }

    /** The attribute that marks a value as state to keep ({@link #persist()}). */
    public static final String PERSIST = "persist";

    /**
     * Declares this value's last value as state the application keeps: the last value it was set to while its owner
     * served. When the owner's module instance starts again (a crash, {@code kervi:module-restart}, an unresponsive
     * module replaced, a restart of the root), the application writes that state back before the module's components
     * start and before it tells the app code the module is ready; values of the root's own components get theirs
     * before {@code app_main}. With the {@code kervi-history} feature the states outlive a restart of the root. Meant
     * for inputs an operator sets ({@code max_speed}); Kervi's {@code persist_value}.
     */
    public final Value<T> persist() {
        return attribute(PERSIST, Boolean.TRUE);
    }

    /** Whether {@link #persist()} was declared (here or, for a proxy, by the owner). */
    public final boolean isPersisted() {
        return Boolean.TRUE.equals(extraAttributes.get(PERSIST));
    }

    /** The attribute that says whether the history records this value ({@link #log(boolean)}). */
    public static final String LOG = "log";

    /**
     * Says whether the application's history records this value's changes (Kervi's {@code log_values}); without it
     * the history's configuration decides (numbers, booleans, enums and text are recorded by default). Persisted
     * values are always recorded.
     */
    public final Value<T> log(boolean record) {
        return attribute(LOG, record);
    }

    /** What {@link #log(boolean)} declared (here or, for a proxy, by the owner); empty when it was not called. */
    public final Optional<Boolean> logDeclared() {
        Object declared = extraAttributes.get(LOG);
        return declared instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** The value as display text. */
    public String format(T v) {
        return v == null ? "" : v.toString();
    }

    public final String formatted() {
        return format(get());
    }

    private T requireValue(T newValue) {
        if (newValue == null) {
            throw new ValueRejectedException(id, "null is not a value");
        }
        return newValue;
    }

    private void update(T next, ValueSource source) {
        ValueChange<T> change;
        synchronized (lock) {
            if (fired && !shouldFire(current, next)) {
                return;
            }
            T previous = current;
            current = next;
            fired = true;
            changedAtMillis = System.currentTimeMillis();
            change = new ValueChange<>(this, previous, next, source, changedAtMillis);
        }
        fire(change);
    }

    private void fire(ValueChange<T> change) {
        for (ValueListener<? super T> listener : listeners) {
            try {
                listener.valueChanged(change);
            } catch (RuntimeException e) {
                ListenerFailures.report(this, listener, e);
            }
        }
    }

    public final Registration addListener(ValueListener<? super T> listener) {
        Objects.requireNonNull(listener);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- links -------------------------------------------------------------------------------------

    /**
     * Follows the value with id {@code sourceId}, wherever it lives; resolves when it appears. This value must be an
     * input or a standalone value, the source an output, a sensor or a standalone value ({@link LinkDirection}); a
     * source found to be an input stays unresolved with the reason as the link's error. Takes effect at once, also
     * after the component is registered.
     *
     * @throws IllegalArgumentException when this value may not follow a link, naming both ids
     */
    public Value<T> linkTo(String sourceId) {
        return linkTo(sourceId, Function.identity());
    }

    /** Follows {@code sourceId} through {@code transform} (applied to the source's value, then converted). */
    public Value<T> linkTo(String sourceId, Function<Object, ?> transform) {
        String checkedId = Ids.requireValid(sourceId, "linked value");
        requireFollowable(checkedId, null);
        return addLink(Link.byId(this, checkedId, transform));
    }

    /** Follows another value object directly; the same rules as {@link #linkTo(String)}, checked at once. */
    public Value<T> linkTo(Value<?> source) {
        return linkTo(source, Function.identity());
    }

    @SuppressWarnings("unchecked")
    public <S> Value<T> linkTo(Value<S> source, Function<? super S, ?> transform) {
        Objects.requireNonNull(source, "source");
        requireFollowable(source.id(), source.role());
        return addLink(Link.byObject(this, source, (Function<Object, ?>) transform));
    }

    private void requireFollowable(String sourceId, ValueRole sourceRole) {
        Optional<String> problem = LinkDirection.followerProblem(this, sourceId);
        if (problem.isEmpty() && sourceRole != null) {
            problem = LinkDirection.sourceProblem(this, sourceId, sourceRole);
        }
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    private Value<T> addLink(Link link) {
        synchronized (linkWatchers) {
            links.add(link);
            linkWatchers.forEach(watcher -> watcher.accept(link));
        }
        return this;
    }

    /**
     * Tells {@code watcher} of every link added from now on; called by the runtime, which makes a {@code linkTo}
     * after registration take effect. Links added before are in {@link #links()}; the watcher must ignore a link it
     * already knows.
     */
    public final Registration watchLinks(Consumer<Link> watcher) {
        Objects.requireNonNull(watcher);
        linkWatchers.add(watcher);
        return () -> linkWatchers.remove(watcher);
    }

    /** The links this value follows. */
    public final List<Link> links() {
        return Collections.unmodifiableList(new ArrayList<>(links));
    }

    // ---- dashboard links ---------------------------------------------------------------------------

    /** Shows this value on a dashboard panel as the given widget. */
    public Value<T> linkToDashboard(String dashboardId, String panelId, WidgetType widget) {
        return linkToDashboard(DashboardLink.of(dashboardId, panelId, widget));
    }

    public Value<T> linkToDashboard(DashboardLink link) {
        dashboardLinks.add(Objects.requireNonNull(link));
        return this;
    }

    public final List<DashboardLink> dashboardLinks() {
        return List.copyOf(dashboardLinks);
    }

    @Override
    public String toString() {
        return kind.label() + " " + id + " = " + formatted();
    }
}
