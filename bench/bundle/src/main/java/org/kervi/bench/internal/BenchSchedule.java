package org.kervi.bench.internal;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.kervi.api.Registration;
import org.kervi.api.actions.Action;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.schedules.Schedule;
import org.kervi.api.schedules.ScheduleService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Scheduler precision: {@code start(seconds)} schedules {@code bench_sched.tick} every second through the
 * {@link ScheduleService} and, beside it in the same JVM, a plain {@link ScheduledExecutorService} at a fixed rate of
 * 1 s aligned to the same whole seconds. Each records its lateness: the time past the whole second when the action
 * (or the executor's task) starts. Both stop after {@code seconds}.
 */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.bench.schedule",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BenchSchedule extends KerviComponent {
    private static final int CAPACITY = 100_000;
    private final ScheduleService schedules;
    private final ScheduledExecutorService baselineTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-schedule-baseline");
        t.setDaemon(true);
        return t;
    });
    private final LatencyRecorder scheduled = new LatencyRecorder(CAPACITY);
    private final LatencyRecorder baseline = new LatencyRecorder(CAPACITY);
    private volatile Registration schedule;
    private volatile ScheduledFuture<?> baselineRun;
    private volatile boolean done;

    @Activate
    public BenchSchedule(@Reference ScheduleService schedules) {
        super("bench_sched", "Bench scheduler precision");
        this.schedules = schedules;
    }

    @Action
    public synchronized String start(int seconds) {
        stopRunning();
        scheduled.reset();
        baseline.reset();
        done = false;
        schedule = schedules.schedule("bench_sched_tick", Schedule.every().second(), "bench_sched.tick");
        long delayNanos = 1_000_000_000L - Instant.now().getNano();
        baselineRun = baselineTimer.scheduleAtFixedRate(() -> record(baseline), delayNanos, 1_000_000_000L,
                TimeUnit.NANOSECONDS);
        baselineTimer.schedule(this::finish, seconds * 1_000_000_000L + delayNanos + 500_000_000L,
                TimeUnit.NANOSECONDS);
        return "started for " + seconds + " s";
    }

    @Action
    public void tick() {
        record(scheduled);
    }

    @Action
    public boolean done() {
        return done;
    }

    @Action
    public String stats() {
        return "{\"scheduler\":" + scheduled.statsJson() + ",\"baseline\":" + baseline.statsJson() + "}";
    }

    private synchronized void finish() {
        stopRunning();
        done = true;
    }

    private void stopRunning() {
        if (schedule != null) {
            schedule.close();
            schedule = null;
        }
        if (baselineRun != null) {
            baselineRun.cancel(false);
            baselineRun = null;
        }
    }

    /** Lateness past the whole second; a start just before it (the executor's clock is not the wall clock) counts negative. */
    private static void record(LatencyRecorder recorder) {
        long pastSecond = Instant.now().getNano();
        long now = System.nanoTime();
        recorder.record(pastSecond > 500_000_000L ? pastSecond - 1_000_000_000L : pastSecond, now);
    }

    @Deactivate
    void deactivate() {
        stopRunning();
        baselineTimer.shutdownNow();
    }
}
