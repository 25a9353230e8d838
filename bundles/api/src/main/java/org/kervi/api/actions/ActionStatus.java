package org.kervi.api.actions;

import java.time.Duration;

/**
 * What is known of an action's runs: its {@code state} (IDLE until it first runs, RUNNING while a run goes, else how
 * the last run ended), the message of the last failure ({@code ""} when the last run did not fail), how long the
 * last ended run took ({@code null} before the first ends), how many runs go now, and the last run id ({@code ""}
 * before the first).
 */
public record ActionStatus(String actionId, ActionState state, String lastError, Duration lastDuration, int running,
        String lastRunId) {
    public ActionStatus {
        lastError = lastError == null ? "" : lastError;
        lastRunId = lastRunId == null ? "" : lastRunId;
    }

    public static ActionStatus idle(String actionId) {
        return new ActionStatus(actionId, ActionState.IDLE, "", null, 0, "");
    }
}
