package org.kervi.api.actions;

import java.time.Duration;
import java.time.Instant;

/**
 * A run started, ended or was queued: its action, run id, new state, the failure message ({@code ""} unless FAILED
 * or INTERRUPTED with a reason), how long it ran ({@code null} until it ended) and when.
 */
public record ActionStateChange(String actionId, String runId, ActionState state, String error, Duration duration,
        Instant at) {
    public ActionStateChange {
        error = error == null ? "" : error;
    }
}
