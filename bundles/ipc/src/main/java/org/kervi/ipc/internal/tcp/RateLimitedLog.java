package org.kervi.ipc.internal.tcp;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * A log that writes at most a few lines per kind of complaint and window, so that a peer repeating a mistake
 * (20,000 wrongly typed events, a flood of refused claims) cannot flood the log. What was held back is counted and
 * said with the next line of that kind after the window, or by {@link #flush()}: "… and 19,998 more like it in the
 * last 60 s". Kinds are a small fixed set chosen by the caller (never an id a peer sends).
 */
public final class RateLimitedLog {
    public static final int LINES_PER_WINDOW = 5;
    public static final long WINDOW_MILLIS = 60_000;

    private final Logger log;
    private final int lines;
    private final long windowMillis;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        long start;
        int written;
        long held;
        Level level;
    }

    public RateLimitedLog(Logger log) {
        this(log, LINES_PER_WINDOW, WINDOW_MILLIS, System::currentTimeMillis);
    }

    public RateLimitedLog(Logger log, int lines, long windowMillis, LongSupplier clock) {
        this.log = log;
        this.lines = lines;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    public void warn(String kind, String format, Object... args) {
        write(Level.WARN, kind, format, args);
    }

    public void error(String kind, String format, Object... args) {
        write(Level.ERROR, kind, format, args);
    }

    public void info(String kind, String format, Object... args) {
        write(Level.INFO, kind, format, args);
    }

    /** Says what was held back in windows that have ended (a periodic task calls it). */
    public void flush() {
        long now = clock.getAsLong();
        windows.forEach((kind, w) -> {
            synchronized (w) {
                if (now - w.start >= windowMillis) {
                    summarize(kind, w);
                }
            }
        });
    }

    /** How many lines of {@code kind} were held back in the current window. */
    public long held(String kind) {
        Window w = windows.get(kind);
        if (w == null) {
            return 0;
        }
        synchronized (w) {
            return w.held;
        }
    }

    private void write(Level level, String kind, String format, Object[] args) {
        long now = clock.getAsLong();
        Window w = windows.computeIfAbsent(kind, k -> {
            Window fresh = new Window();
            fresh.start = now;
            return fresh;
        });
        synchronized (w) {
            if (now - w.start >= windowMillis) {
                summarize(kind, w);
                w.start = now;
                w.written = 0;
            }
            w.level = level;
            if (w.written >= lines) {
                w.held++;
                return;
            }
            w.written++;
        }
        log(level, format, args);
    }

    private void summarize(String kind, Window w) {
        if (w.held > 0) {
            log(w.level, "… and {} more like it ({}) in the last {} s",
                    String.format(Locale.ROOT, "%,d", w.held), kind, windowMillis / 1000);
            w.held = 0;
        }
    }

    private void log(Level level, String format, Object... args) {
        switch (level) {
            case ERROR -> log.error(format, args);
            case WARN -> log.warn(format, args);
            default -> log.info(format, args);
        }
    }
}
