package org.kervi.messaging.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.kervi.api.messaging.ChannelState;
import org.kervi.api.messaging.ChannelStatus;
import org.kervi.api.userlog.UserLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured channel: takes user-log entries through its filter and rate limit and sends them on its own thread,
 * so a slow server delays nobody else. Counts what it sent, failed and held back, and keeps the last error.
 */
final class Channel {
    static final int MOST_WAITING = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Channel.class);

    private final String id;
    private final String kind;
    private final String pid;
    private final Transport transport;
    private final EntryFilter filter;
    private final RateLimit rateLimit;
    private final String instance;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();
    private final Duration testTimeout;
    private volatile String lastError;
    private volatile Instant lastErrorTime;
    private boolean summaryScheduled;

    private Channel(String id, String kind, String pid, Transport transport, CommonSettings common, String instance,
            Clock clock, Duration testTimeout, String refusal) {
        this.id = id;
        this.kind = kind;
        this.pid = pid;
        this.transport = transport;
        this.filter = common == null ? null : common.filter();
        this.rateLimit = common == null ? null : common.newRateLimit();
        this.instance = instance;
        this.clock = clock;
        this.testTimeout = testTimeout;
        this.lastError = refusal == null ? "" : refusal;
        this.lastErrorTime = refusal == null ? null : clock.instant();
        this.thread = transport == null ? null : newThread(id);
    }

    static Channel sending(String kind, String pid, CommonSettings common, Transport transport, String instance,
            Clock clock, Duration sendTimeout) {
        return new Channel(common.id(), kind, pid, transport, common, instance, clock, sendTimeout.multipliedBy(3),
                null);
    }

    /** A channel whose configuration was refused: listed with the problem, sends nothing. */
    static Channel refused(String id, String kind, String pid, String problem, Clock clock) {
        return new Channel(id, kind, pid, null, null, "", clock, Duration.ZERO, problem);
    }

    String id() {
        return id;
    }

    String pid() {
        return pid;
    }

    boolean isRefused() {
        return transport == null;
    }

    /** Takes an entry if the filter accepts it; sending happens later on the channel's thread. */
    void offer(UserLogEntry entry) {
        if (transport == null || !filter.accepts(entry)) {
            return;
        }
        if (waiting.incrementAndGet() > MOST_WAITING) {
            waiting.decrementAndGet();
            failure("more than " + MOST_WAITING + " messages waiting for a slow server: dropped one about "
                    + entry.sourceId());
            return;
        }
        try {
            thread.execute(() -> {
                waiting.decrementAndGet();
                sendDueSummary();
                if (rateLimit.tryAcquire(entry, clock.instant())) {
                    deliver(ChannelMessage.entry(entry));
                } else {
                    suppressed.incrementAndGet();
                    scheduleSummary();
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.decrementAndGet(); // closed meanwhile: its configuration went away
        }
    }

    /** Sends a test message past filter and rate limit and waits for the outcome. */
    String sendTest() {
        if (transport == null) {
            throw new IllegalStateException("channel " + id + " is refused: " + lastError);
        }
        ChannelMessage test = ChannelMessage.test(id, instance, clock.instant());
        Future<?> outcome;
        try {
            outcome = thread.submit(() -> {
                transport.send(test);
                sent.incrementAndGet();
                return null;
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("channel " + id + " is stopping: its configuration changed or went away");
        }
        try {
            outcome.get(testTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return "sent a test message through " + kind + " channel " + id + " to " + transport.target();
        } catch (ExecutionException e) {
            String problem = describe(e.getCause());
            failure(problem);
            throw new IllegalStateException("channel " + id + " could not send: " + problem, e.getCause());
        } catch (TimeoutException e) {
            outcome.cancel(true);
            failure("no outcome within " + testTimeout.toSeconds() + " s");
            throw new IllegalStateException("channel " + id + ": no outcome within " + testTimeout.toSeconds()
                    + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while channel " + id + " was sending");
        }
    }

    ChannelStatus status() {
        return new ChannelStatus(id, kind, pid, transport == null ? ChannelState.REFUSED : ChannelState.READY,
                transport == null ? "" : transport.target(), filter == null ? "" : filter.describe(),
                rateLimit == null ? "" : rateLimit.describe(), sent.get(), failed.get(), suppressed.get(), lastError,
                lastErrorTime);
    }

    /** Stops the thread; entries still waiting are not sent. */
    void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    private void scheduleSummary() {
        if (summaryScheduled) {
            return;
        }
        summaryScheduled = true;
        long delay = Math.max(0, Duration.between(clock.instant(), rateLimit.windowEnd()).toMillis()) + 1;
        thread.schedule(this::summaryTimer, delay, TimeUnit.MILLISECONDS);
    }

    /** At the end of a window that held entries back: the summary, or a new timer if the window is still open. */
    private void summaryTimer() {
        summaryScheduled = false;
        sendDueSummary();
        if (rateLimit.hasPending()) {
            scheduleSummary();
        }
    }

    private void sendDueSummary() {
        rateLimit.takeSummaryDue(clock.instant())
                .ifPresent(held -> deliver(ChannelMessage.suppressed(held, rateLimit.describe())));
    }

    private void deliver(ChannelMessage message) {
        try {
            transport.send(message);
            sent.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure(describe(e));
        }
    }

    private void failure(String problem) {
        failed.incrementAndGet();
        lastError = problem;
        lastErrorTime = clock.instant();
        LOG.warn("Messaging channel {} ({}): {}", id, pid, problem);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 400; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString().replaceAll("\\s+", " ").trim();
    }

    private static ScheduledExecutorService newThread(String id) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kervi-channel-" + id);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
