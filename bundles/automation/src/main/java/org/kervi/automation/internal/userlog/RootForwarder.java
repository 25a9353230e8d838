package org.kervi.automation.internal.userlog;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kervi.api.actions.ActionService;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

/**
 * Sends a module instance's entries to the root, in order, one acknowledged call of {@link UserLogInbox#APPEND}
 * each. While the root cannot be reached (not connected yet, restarting) the entries wait in a bounded queue and the
 * call is retried with backoff; when the queue overflows the oldest go, and the root is told how many.
 */
final class RootForwarder implements AutoCloseable {
    private static final Logger LOG = System.getLogger(RootForwarder.class.getName());
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final ActionService actions;
    private final String instanceId;
    private final int capacity;
    private final LinkedBlockingDeque<UserLogEntry> queue = new LinkedBlockingDeque<>();
    private final Thread worker;
    private final Consumer<String> problems;
    private int lost;
    private volatile boolean closed;

    RootForwarder(ActionService actions, String instanceId, int capacity, Consumer<String> problems) {
        this.actions = actions;
        this.instanceId = instanceId;
        this.capacity = capacity;
        this.problems = problems;
        worker = new Thread(this::run, "kervi-userlog-forwarder");
        worker.setDaemon(true);
        worker.start();
    }

    void send(UserLogEntry entry) {
        synchronized (queue) {
            while (queue.size() >= capacity) {
                queue.pollFirst();
                lost++;
            }
            queue.addLast(entry);
        }
    }

    private void run() {
        long backoff = 200;
        boolean reported = false;
        while (!closed) {
            UserLogEntry next;
            try {
                next = queue.pollFirst(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            int lostBefore;
            synchronized (queue) {
                lostBefore = lost;
                lost = 0;
            }
            if (lostBefore > 0) {
                next = prependLoss(next, lostBefore);
            }
            while (!closed) {
                try {
                    actions.call(UserLogInbox.APPEND, args(next), CALL_TIMEOUT).get();
                    backoff = 200;
                    reported = false;
                    break;
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    if (backoff >= MAX_BACKOFF_MILLIS && !reported) {
                        reported = true;
                        problems.accept("user log entries wait for the root: " + rootCause(e));
                    }
                    try {
                        Thread.sleep(backoff); // retry backoff while the root is away, not a synchronisation
                    } catch (InterruptedException stop) {
                        return;
                    }
                    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                }
            }
        }
    }

    /** Sends the loss report first; the entry itself follows in the same loop. */
    private UserLogEntry prependLoss(UserLogEntry next, int count) {
        queue.addFirst(next);
        return new UserLogEntry(next.time(), UserLogLevel.WARNING, "userlog", instanceId, count
                + " user log entries of this instance were dropped while the root could not be reached (queue of "
                + capacity + ")");
    }

    private static List<Object> args(UserLogEntry e) {
        return List.of(e.time().toString(), e.level().name(), e.sourceId(), e.instance(), e.message());
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    int waiting() {
        return queue.size();
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.log(Level.INFO, queue.size() + " user log entries not sent to the root before stopping");
        }
    }
}
