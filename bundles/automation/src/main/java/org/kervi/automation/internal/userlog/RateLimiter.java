package org.kervi.automation.internal.userlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.kervi.api.userlog.UserLogLevel;

/**
 * At most {@code maxEntries} entries per source and level within a window of {@code windowMillis}; the rest are
 * counted, and when the window ends a summary says how many were suppressed. Keeps a flapping sensor from flooding
 * the log and the channels that follow it. Not thread-safe: its owner serialises calls.
 */
final class RateLimiter {
    /** What was held back from one source at one level during one window. */
    record Suppressed(String sourceId, UserLogLevel level, int count, long windowMillis, int maxEntries) {
        String message() {
            return count + " more " + level.name().toLowerCase(java.util.Locale.ROOT) + " entr" + (count == 1 ? "y" : "ies")
                    + " from " + sourceId + " suppressed (rate limit: " + maxEntries + " per " + (windowMillis / 1000)
                    + " s)";
        }
    }

    private record Key(String sourceId, UserLogLevel level) {}

    private static final class Window {
        final long start;
        int admitted;
        int suppressed;

        Window(long start) {
            this.start = start;
        }
    }

    private final int maxEntries;
    private final long windowMillis;
    private final Map<Key, Window> windows = new HashMap<>();
    private final List<Suppressed> pending = new ArrayList<>();

    RateLimiter(int maxEntries, long windowMillis) {
        this.maxEntries = maxEntries;
        this.windowMillis = windowMillis;
    }

    /** Whether an entry from {@code sourceId} at {@code level} at {@code nowMillis} may be logged. */
    boolean admit(String sourceId, UserLogLevel level, long nowMillis) {
        Key key = new Key(sourceId, level);
        Window w = windows.get(key);
        if (w == null || nowMillis - w.start >= windowMillis) {
            if (w != null && w.suppressed > 0) {
                pending.add(summary(key, w));
            }
            w = new Window(nowMillis);
            windows.put(key, w);
        }
        if (w.admitted < maxEntries) {
            w.admitted++;
            return true;
        }
        w.suppressed++;
        return false;
    }

    private Suppressed summary(Key key, Window w) {
        return new Suppressed(key.sourceId(), key.level(), w.suppressed, windowMillis, maxEntries);
    }

    /** The windows that ended by {@code nowMillis} with something suppressed; forgets every ended window. */
    List<Suppressed> ended(long nowMillis) {
        List<Suppressed> out = new ArrayList<>(pending);
        pending.clear();
        for (Iterator<Map.Entry<Key, Window>> it = windows.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Key, Window> e = it.next();
            if (nowMillis - e.getValue().start >= windowMillis) {
                if (e.getValue().suppressed > 0) {
                    out.add(summary(e.getKey(), e.getValue()));
                }
                it.remove();
            }
        }
        return out;
    }
}
