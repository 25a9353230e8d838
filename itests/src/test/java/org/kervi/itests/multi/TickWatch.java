package org.kervi.itests.multi;

import com.google.gson.JsonObject;
import org.kervi.itests.multi.DashboardClient.Reply;

/**
 * Samples a counting value in the root through the dashboard's API (a session of its own) and keeps the longest
 * time it saw no progress: real traffic from a module must keep flowing while the root is attacked.
 */
final class TickWatch {
    private final DashboardClient client;
    private final String id;
    private double last = Double.NaN;
    private long lastProgressNanos = System.nanoTime();
    private long longestStallNanos;
    private String lastProblem = "";

    TickWatch(DashboardClient client, String id) {
        this.client = client;
        this.id = id;
    }

    /** The value now, or NaN when the root does not know it (yet) or did not answer. */
    double read() {
        try {
            Reply r = client.get("api/values/" + id);
            JsonObject json = r.json();
            if (r.status() != 200 || json == null || !json.has("value") || json.get("value").isJsonNull()) {
                lastProblem = r.toString();
                return Double.NaN;
            }
            return json.get("value").getAsDouble();
        } catch (RuntimeException e) {
            lastProblem = e.toString();
            return Double.NaN;
        }
    }

    synchronized void sample() {
        double now = read();
        long at = System.nanoTime();
        if (!Double.isNaN(now) && now != last) {
            last = now;
            lastProgressNanos = at;
        }
        longestStallNanos = Math.max(longestStallNanos, at - lastProgressNanos);
    }

    /** Starts counting stalls from now (after the warm-up). */
    synchronized void reset() {
        lastProgressNanos = System.nanoTime();
        longestStallNanos = 0;
    }

    synchronized long longestStallMillis() {
        return Math.max(longestStallNanos, System.nanoTime() - lastProgressNanos) / 1_000_000;
    }

    synchronized double last() {
        return last;
    }

    String lastProblem() {
        return lastProblem;
    }
}
