package org.kervi.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.kervi.api.actions.ActionError;
import org.kervi.api.Registration;
import org.kervi.api.actionlinks.ActionLinks;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.actions.ActionState;
import org.kervi.api.actions.ActionStatus;
import org.kervi.api.actions.ActionService;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.runtime.ApplicationCode;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.Lifecycle;
import org.kervi.api.runtime.ModuleState;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.schedules.Schedule;
import org.kervi.api.schedules.ScheduleService;
import org.kervi.api.values.Value;
import org.kervi.automation.internal.links.ActionLinkEngine;
import org.kervi.automation.internal.ranges.RangeWatcher;
import org.kervi.core.embedded.EmbeddedCore;

/**
 * A real Kervi core in a plain JUnit test, without OSGi: the registry, links, action dispatch and component
 * lifecycle that run in Karaf, with time in the test's hands. Register components (or a module's DS components
 * constructed by hand, given {@link #registry()} and {@link #actions()}), simulate the application's start with
 * {@link #appMain()}, set and read values by id, call actions, poll sensors on demand, advance time, and end with
 * {@link #appExit()}.
 *
 * <p>Sensors poll on a {@link ManualScheduler}: nothing polls unless the test calls {@link #poll}, {@link #advance}
 * or {@link #appMain()} (a sensor's first poll, as in Karaf). Values set, links and {@code inputChanged} run on the
 * test's thread, so a value can be asserted right after the set that changed it; actions run on the core's action
 * threads and {@link #call} waits for their result.
 */
public final class KerviTestRuntime implements AutoCloseable {
    private final ManualScheduler scheduler;
    private final EmbeddedCore core;
    private final Duration callTimeout;
    private final ZoneId zone;
    private final TestUserLog userLog;
    private TestSchedules schedules;
    private ActionLinks actionLinks;
    private final List<KerviComponent> components = new CopyOnWriteArrayList<>();
    private final List<ApplicationCode> applicationCode = new CopyOnWriteArrayList<>();
    private volatile boolean mainRan;
    private volatile boolean exited;

    KerviTestRuntime(KerviTestRuntimeBuilder builder) {
        scheduler = new ManualScheduler(builder.start, builder.zone);
        core = EmbeddedCore.builder(scheduler).instanceId(builder.instanceId).actionTimeout(builder.actionTimeout)
                .build();
        callTimeout = builder.actionTimeout;
        zone = builder.zone;
        userLog = new TestUserLog(scheduler.clock(), builder.instanceId);
        new RangeWatcher(core.registry(), userLog); // range changes of the module's values go to the user log
    }

    /** A runtime with the defaults of {@link KerviTestRuntimeBuilder}. */
    public static KerviTestRuntime create() {
        return builder().build();
    }

    /** A runtime with a chosen instance id, start instant, zone or action timeout. */
    public static KerviTestRuntimeBuilder builder() {
        return new KerviTestRuntimeBuilder();
    }

    // ---- components

    /**
     * Registers a component as its bundle's start would. Before {@link #appMain()} it is registered, not started;
     * after, it starts at once (a sensor's first poll runs before this returns).
     *
     * @throws IllegalArgumentException when the core refuses it (a taken value or action id, a bad action), with
     *     the core's reason
     */
    public <C extends KerviComponent> C add(C component) {
        Optional<String> refused = core.add(Objects.requireNonNull(component, "component"));
        if (refused.isPresent()) {
            throw new IllegalArgumentException(component + " was refused: " + refused.get());
        }
        components.add(component);
        scheduler.runDue();
        return component;
    }

    /** Unregisters a component as its bundle's stop would: it stops, its values and actions leave. */
    public void remove(KerviComponent component) {
        components.remove(component);
        core.remove(component);
    }

    /**
     * Registers a value that belongs to no component of the module under test — one another module would own,
     * such as a sensor a controller links to. Writable from outside, like a component's standalone value.
     */
    public <V extends Value<?>> V addValue(V value) {
        add(new ValueHolder(value));
        return value;
    }

    /** Application code, as the root instance's {@code ApplicationCode} services. */
    public <A extends ApplicationCode> A addApplicationCode(A code) {
        applicationCode.add(Objects.requireNonNull(code, "code"));
        if (mainRan && !exited) {
            AppCallbacks.run("app_main", code, code::appMain);
        }
        return code;
    }

    // ---- values

    /** The value of that id, local or added; fails with the known ids when there is none. */
    public Value<?> value(String id) {
        return core.registry().value(id).map(ValueEntry::value).orElseThrow(() -> new IllegalArgumentException(
                "no value '" + id + "'; known: " + core.registry().values().stream().map(ValueEntry::id)
                        .collect(Collectors.joining(", "))));
    }

    public Object get(String id) {
        return value(id).get();
    }

    /** A number value's current value. */
    public double number(String id) {
        Object current = get(id);
        if (current instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("'" + id + "' is a " + value(id).kind() + " value, not a number: " + current);
    }

    /** A boolean value's current value. */
    public boolean bool(String id) {
        Object current = get(id);
        if (current instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("'" + id + "' is a " + value(id).kind() + " value, not a boolean: "
                + current);
    }

    /**
     * Sets a value from outside, as the shell, the dashboard or another instance would: converted to the value's
     * type and checked against its range or options. Links and {@code inputChanged} have run when this returns.
     *
     * @throws org.kervi.api.values.ValueRejectedException when the value refuses it (read-only, out of range, ...)
     */
    public void set(String id, Object raw) {
        value(id);
        await(core.registry().setValue(id, raw), callTimeout, "set " + id);
    }

    /**
     * Waits until value {@code id} holds {@code expected} (numbers compare by value), for changes made on other
     * threads — by a running action, say. Fails with an {@link AssertionError} naming the value after the action
     * timeout.
     */
    public void awaitValue(String id, Object expected) {
        ValueWatch.await(value(id), expected, callTimeout);
    }

    /** Records what {@code id} fires from now on. */
    public ValueRecorder record(String id) {
        return new ValueRecorder(value(id));
    }

    // ---- sensors and time

    /** Polls one sensor now, by sensor id or the id of one of its values; its regular polls are unchanged. */
    public void poll(String sensorOrValueId) {
        sensor(sensorOrValueId).poll();
    }

    /** Polls every sensor once, in the order they were added. */
    public void pollAll() {
        components.stream().filter(Sensor.class::isInstance).map(Sensor.class::cast).forEach(Sensor::poll);
    }

    /** The sensor of that id, or owning a value of that id. */
    public Sensor sensor(String sensorOrValueId) {
        return components.stream().filter(Sensor.class::isInstance).map(Sensor.class::cast)
                .filter(s -> s.id().equals(sensorOrValueId)
                        || s.dimensionValues().stream().anyMatch(v -> v.id().equals(sensorOrValueId)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no sensor '" + sensorOrValueId
                        + "'; sensors: " + components.stream().filter(Sensor.class::isInstance)
                                .map(KerviComponent::id).collect(Collectors.joining(", "))));
    }

    /**
     * Moves the test's time forward, running on the way whatever falls due at its due time: a sensor with a 1 s
     * interval polls five times in {@code advance(Duration.ofSeconds(5))} (with back-off while its driver fails).
     */
    public void advance(Duration by) {
        scheduler.advance(by);
    }

    /** The test's time; moves only with {@link #advance}. */
    public Instant now() {
        return scheduler.now();
    }

    /** A clock on the test's time, for code that takes a {@link Clock}. */
    public Clock clock() {
        return scheduler.clock();
    }

    /** The hand-driven scheduler sensors poll on; hand it to code that takes a {@code ScheduledExecutorService}. */
    public ManualScheduler scheduler() {
        return scheduler;
    }

    // ---- schedules

    /**
     * The schedule service of the {@code kervi-automation} bundle, on the test's time and zone: give it to a
     * component that takes a {@code ScheduleService}, or schedule through {@link #schedule}. A scheduled action
     * starts on the core's action threads when {@link #advance} reaches its time; {@link #awaitScheduledRuns()}
     * waits for those runs to end.
     */
    public synchronized ScheduleService schedules() {
        if (schedules == null) {
            schedules = new TestSchedules(core.actions(), scheduler, zone, userLog);
        }
        return schedules.engine();
    }

    /**
     * Runs {@code actionId} at every time of {@code schedule} ({@code Schedule.every().day().at("06:30")}, a cron
     * expression, ...), until the registration is closed.
     */
    public Registration schedule(String id, Schedule schedule, String actionId, Object... args) {
        return schedules().schedule(id, schedule, actionId, args);
    }

    /** Waits until every run a schedule started so far has ended (succeeded, failed or interrupted). */
    public void awaitScheduledRuns() {
        TestSchedules current;
        synchronized (this) {
            current = schedules;
        }
        if (current != null) {
            current.awaitRuns(callTimeout.plusSeconds(5));
        }
    }

    // ---- action links

    /**
     * The action links of the {@code kervi-automation} bundle on this runtime's values and actions: give them to a
     * component that takes {@code ActionLinks}, or declare links with {@code actionLinks().when("cpu_load")
     * .above(90).start("fan_controller.boost_run").register()}. A triggered action starts on the core's action
     * threads, on the thread that set the value.
     */
    public synchronized ActionLinks actionLinks() {
        if (actionLinks == null) {
            actionLinks = new ActionLinkEngine(core.registry(), core.actions());
        }
        return actionLinks;
    }

    // ---- actions

    /**
     * Calls an action by id and waits for its result (null for void), at most the action's timeout.
     *
     * @throws ActionException as the core fails the call: {@code UNKNOWN_ID}, {@code BAD_ARGUMENTS},
     *     {@code FAILED} (the action threw; the exception is the cause), {@code BUSY}, {@code TIMEOUT}, ...
     */
    public Object call(String actionId, Object... args) {
        return await(callAsync(actionId, args), callTimeout.plusSeconds(5), "call " + actionId);
    }

    /** Calls an action by id without waiting. */
    public CompletableFuture<Object> callAsync(String actionId, Object... args) {
        return core.actions().call(actionId, List.of(args), null);
    }

    /**
     * Starts a run of an action and returns its handle at once ({@code kervi:action --async}); the run follows the
     * action's concurrency (queued behind a SERIAL run, BUSY for a running REJECT action).
     */
    public ActionRun start(String actionId, Object... args) {
        return core.actions().start(actionId, List.of(args), null);
    }

    /**
     * Waits for a started run's end: its result (null for void), or its {@link ActionException}
     * ({@code INTERRUPTED}, {@code FAILED}, ...).
     */
    public Object result(ActionRun run) {
        return await(run.result(), callTimeout.plusSeconds(5), "run " + run.runId());
    }

    /**
     * Waits until a run is RUNNING (the core gave it an action thread; its method may not have reached its first
     * line yet) or has ended, whichever comes first, and returns its state then. Fails with {@code TIMEOUT} after the action timeout.
     */
    public ActionState awaitStarted(ActionRun run) {
        return RunWatch.awaitStarted(core.actions(), run, callTimeout);
    }

    /**
     * Interrupts a run (by run id) or every queued and running run of an action (by action id), as
     * {@code kervi:action-interrupt} does; returns how many runs were told to stop. The runs' own ends follow on
     * their threads: wait on {@code run.result()} for them.
     */
    public int interrupt(String actionOrRunId) {
        return await(core.actions().interrupt(actionOrRunId), callTimeout, "interrupt " + actionOrRunId);
    }

    /** An action's state, last error, last duration and running count; fails for an unknown id. */
    public ActionStatus status(String actionId) {
        return core.actions().status(actionId).orElseThrow(() -> new ActionException(actionId, ActionError.UNKNOWN_ID,
                "no action with id '" + actionId + "'"));
    }

    // ---- the application's life

    /**
     * The application is ready (Kervi's {@code app_main}): every registered component starts (sensors poll once,
     * controllers get {@code inputChanged} from now on), then each {@link ApplicationCode#appMain()} runs, then an
     * {@code app_main} action if one is registered — in that order, on the test's thread.
     *
     * @throws IllegalStateException when it ran already, or app code failed (with the failure as cause)
     */
    public void appMain() {
        if (mainRan) {
            throw new IllegalStateException("appMain ran already; an application starts once");
        }
        mainRan = true;
        core.lifecycle().markReady();
        scheduler.runDue();
        applicationCode.forEach(code -> AppCallbacks.run("app_main", code, code::appMain));
        callAppAction("app_main");
    }

    /**
     * The application exits (Kervi's {@code app_exit}): each {@link ApplicationCode#appExit()} runs, then an
     * {@code app_exit} action if one is registered, then every component stops — as before a module's instance
     * stops.
     */
    public void appExit() {
        if (!mainRan || exited) {
            throw new IllegalStateException(exited ? "appExit ran already" : "appExit before appMain: call appMain() first");
        }
        exited = true;
        applicationCode.forEach(code -> AppCallbacks.run("app_exit", code, code::appExit));
        callAppAction("app_exit");
        components.forEach(KerviComponent::stop);
    }

    /** A module stops serving (restarting, unresponsive, stopped): the app code hears {@code moduleLost}. */
    public void moduleLost(String module, ModuleState state) {
        applicationCode.forEach(code -> AppCallbacks.run("moduleLost(" + module + ")", code,
                () -> code.moduleLost(module, state)));
    }

    /** A module serves again: the app code hears {@code moduleReady}. */
    public void moduleReady(String module) {
        applicationCode.forEach(code -> AppCallbacks.run("moduleReady(" + module + ")", code,
                () -> code.moduleReady(module)));
    }

    public boolean isReady() {
        return core.lifecycle().isReady();
    }

    private void callAppAction(String id) {
        if (core.actions().action(id).isPresent()) {
            call(id);
        }
    }

    // ---- what a module's DS components are given by hand

    /** The user log, in memory on the test's time: schedules report missed runs to it; give it to your components. */
    public TestUserLog userLog() {
        return userLog;
    }

    public KerviRegistry registry() {
        return core.registry();
    }

    public ActionService actions() {
        return core.actions();
    }

    public Lifecycle lifecycle() {
        return core.lifecycle();
    }

    /** Stops every component and the core's threads; an action still running fails with {@code OWNER_GONE}. */
    @Override
    public void close() {
        synchronized (this) {
            if (schedules != null) {
                schedules.close();
            }
        }
        new ArrayList<>(components).forEach(core::remove);
        components.clear();
        core.close();
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(what + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new ActionException(what, ActionError.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }
}
