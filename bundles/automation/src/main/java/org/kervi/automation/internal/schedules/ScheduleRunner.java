package org.kervi.automation.internal.schedules;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionService;
import org.kervi.api.schedules.Schedule;
import org.kervi.api.schedules.ScheduleInfo;
import org.kervi.api.userlog.UserLog;
import org.kervi.automation.schedules.ScheduleClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires schedules on a {@link ScheduleClock}: at each fire time it starts the action, keeps the time, and sets the
 * timer for the next one. A fire time that passed more than {@link #LATE_LIMIT} ago without running (the instance
 * was down, suspended, or too busy) is a missed run: reported, never run late.
 */
public final class ScheduleRunner implements AutoCloseable {
    /** A run this late still runs; later than this it is missed. */
    public static final Duration LATE_LIMIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

    private final ActionService actions;
    private final ScheduleClock clock;
    private final LastFireStore lastFires;
    private final ZoneId defaultZone;
    private final Supplier<UserLog> userLog;
    private final Map<String, ScheduleEntry> entries = new HashMap<>();
    private boolean closed;

    public ScheduleRunner(ActionService actions, ScheduleClock clock, Path lastFireFile, ZoneId defaultZone,
            Supplier<UserLog> userLog) {
        this.actions = actions;
        this.clock = clock;
        this.lastFires = new LastFireStore(lastFireFile);
        this.defaultZone = defaultZone;
        this.userLog = userLog;
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    public Registration schedule(String id, Schedule schedule, String actionId, List<?> arguments, String source) {
        String what = "schedule " + (id == null ? "" : id.trim());
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a schedule needs an id");
        }
        if (actionId == null || actionId.isBlank()) {
            throw new IllegalArgumentException(what + ": no action id");
        }
        ZoneId zone = schedule.zone().orElse(defaultZone);
        FireTimes times;
        try {
            schedule.runLimit();
            times = FireTimes.of(schedule, zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        ScheduleEntry entry = new ScheduleEntry(id.trim(), actionId.trim(), arguments, schedule.describe(), zone,
                source, times, null);
        synchronized (this) {
            claim(entry);
            Instant now = clock.now();
            Optional<Instant> last = lastFires.lastFire(entry.id, entry.fingerprint());
            ZonedDateTime from = now.atZone(zone);
            if (last.isPresent()) {
                entry.lastFire = last.get();
                ZonedDateTime due = times.after(last.get().atZone(zone));
                if (due != null && due.toInstant().isBefore(now.minus(LATE_LIMIT))) {
                    entry.missedRuns += MissedRuns.report(entry, due, now, "while the instance was down", userLog);
                } else if (due != null && due.toInstant().isBefore(now)) {
                    from = due.minusNanos(1);
                }
            }
            arm(entry, times.after(from), schedule.runLimit().orElse(null));
        }
        LOG.info("schedule {}: {} ({}) runs {}, next {}", entry.id, entry.description, zone, entry.actionId,
                entry.next);
        return () -> remove(entry);
    }

    /** Lists a configuration that was refused, with the reason, until the registration is closed. */
    public Registration refused(String id, String actionId, String scheduleText, String source, String error) {
        ScheduleEntry entry = new ScheduleEntry(id, actionId == null ? "" : actionId, List.of(), scheduleText,
                defaultZone, source, null, error);
        synchronized (this) {
            claim(entry);
        }
        return () -> remove(entry);
    }

    public synchronized List<ScheduleInfo> schedules() {
        return entries.values().stream().map(ScheduleEntry::info).sorted(Comparator.comparing(ScheduleInfo::id))
                .toList();
    }

    public synchronized Optional<ScheduleInfo> schedule(String id) {
        return Optional.ofNullable(entries.get(id)).map(ScheduleEntry::info);
    }

    @Override
    public synchronized void close() {
        closed = true;
        entries.values().forEach(this::stop);
        entries.clear();
    }

    private void claim(ScheduleEntry entry) {
        if (closed) {
            throw new IllegalStateException("schedule " + entry.id + ": the scheduler is stopped");
        }
        ScheduleEntry other = entries.get(entry.id);
        if (other != null) {
            throw new IllegalArgumentException("schedule " + entry.id + ": the id is taken (by " + other.source + ")");
        }
        entries.put(entry.id, entry);
    }

    private synchronized void remove(ScheduleEntry entry) {
        if (entries.get(entry.id) == entry) {
            entries.remove(entry.id);
        }
        stop(entry);
    }

    private void stop(ScheduleEntry entry) {
        entry.closed = true;
        if (entry.timer != null) {
            entry.timer.close();
        }
    }

    private void arm(ScheduleEntry entry, ZonedDateTime next, Duration runLimit) {
        entry.next = next;
        entry.timer = next == null ? null : clock.at(next.toInstant(), () -> fire(entry, next, runLimit));
    }

    private void fire(ScheduleEntry entry, ZonedDateTime due, Duration runLimit) {
        synchronized (this) {
            if (entry.closed) {
                return;
            }
            start(entry, due, runLimit);
            entry.lastFire = due.toInstant();
            lastFires.record(entry.id, entry.fingerprint(), due.toInstant());
            Instant now = clock.now();
            ZonedDateTime next = entry.times.after(due);
            if (next != null && next.toInstant().isBefore(now.minus(LATE_LIMIT))) {
                entry.missedRuns += MissedRuns.report(entry, next, now, "while the instance was suspended or too busy",
                        userLog);
                next = entry.times.after(now.atZone(entry.zone));
            }
            arm(entry, next, runLimit);
        }
    }

    private void start(ScheduleEntry entry, ZonedDateTime due, Duration runLimit) {
        ActionRun run = ActionRun.start(actions, entry.actionId, entry.arguments);
        entry.lastResult = "running";
        run.result().whenComplete((result, error) -> finished(entry, due, error));
        if (runLimit != null) {
            clock.at(due.toInstant().plus(runLimit), () -> {
                if (run.interrupt()) {
                    LOG.info("schedule {}: the run of {} due {} was still going at its end time: interrupted",
                            entry.id, entry.actionId, due);
                }
            });
        }
    }

    private void finished(ScheduleEntry entry, ZonedDateTime due, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause == null) {
            entry.lastResult = "ok";
        } else if (cause instanceof CancellationException) {
            entry.lastResult = "interrupted at its end time";
        } else {
            entry.lastResult = cause instanceof ActionException a ? a.describe() : cause.toString();
            LOG.warn("schedule {}: the run of {} due {} failed: {}", entry.id, entry.actionId, due, entry.lastResult);
        }
    }
}
