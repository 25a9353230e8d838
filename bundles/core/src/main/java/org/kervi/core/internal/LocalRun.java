package org.kervi.core.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.kervi.api.actions.ActionContext;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.actions.ActionState;

/**
 * One run of a local action: its handle for the starter, its context for the action method, and the thread that
 * runs it, so that an interrupt or a timeout can reach it.
 */
final class LocalRun implements ActionRun, ActionContext {
    private final String actionId;
    private final String runId;
    private final CompletableFuture<Object> result;
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final LocalAction action;
    private ActionState state = ActionState.QUEUED;
    private Thread runner;
    private String interruptReason = "";
    private boolean timedOut;

    LocalRun(LocalAction action, String runId, CompletableFuture<Object> result) {
        this.action = action;
        this.actionId = action.info().id();
        this.runId = runId;
        this.result = result;
    }

    @Override
    public String actionId() {
        return actionId;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public synchronized ActionState state() {
        return state;
    }

    @Override
    public CompletableFuture<Object> result() {
        return result;
    }

    @Override
    public boolean isInterrupted() {
        return interrupted.getCount() == 0;
    }

    @Override
    public boolean awaitInterrupt(Duration timeout) {
        boolean wasInterrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return interrupted.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    // our own interrupt counts the latch down first; anything else is not a reason to return early
                    wasInterrupted = true;
                    if (isInterrupted()) {
                        return true;
                    }
                }
            }
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public CompletableFuture<Boolean> interrupt() {
        return CompletableFuture.completedFuture(stop("interrupted", false));
    }

    /**
     * Asks the run to stop for {@code reason} ({@code timeout}: its caller gave up waiting, and the run ends FAILED
     * rather than INTERRUPTED); true when it was queued or running.
     */
    boolean stop(String reason, boolean timeout) {
        ActionState was;
        synchronized (this) {
            was = state;
            if (was.isFinal() || isInterrupted()) {
                return !was.isFinal();
            }
            interruptReason = reason;
            timedOut = timeout;
            interrupted.countDown();
            if (was == ActionState.RUNNING && runner != null) {
                runner.interrupt();
            }
        }
        if (was == ActionState.QUEUED) {
            action.droppedWhileQueued(this);
        } else {
            action.callInterruptHandler(this);
        }
        return true;
    }

    /** Called on the action thread before the method; false when the run was stopped while it waited. */
    synchronized boolean begin() {
        if (state != ActionState.QUEUED || isInterrupted() || result.isDone()) {
            return false;
        }
        state = ActionState.RUNNING;
        runner = Thread.currentThread();
        return true;
    }

    /** The state the run ended in, after the method returned or threw {@code failure} (null for none). */
    synchronized ActionState end(Throwable failure) {
        runner = null;
        Thread.interrupted();
        state = timedOut ? ActionState.FAILED : isInterrupted() ? ActionState.INTERRUPTED
                : failure == null ? ActionState.SUCCEEDED : ActionState.FAILED;
        return state;
    }

    /** Ends a run the runtime refused before it was queued (busy, overloaded, bad arguments). */
    synchronized void refuse(ActionException why) {
        state = ActionState.FAILED;
        result.completeExceptionally(why);
    }

    /** Ends a run that never began: dropped by an interrupt, or its caller timed out while it waited. */
    synchronized ActionState endQueued() {
        state = timedOut ? ActionState.FAILED : ActionState.INTERRUPTED;
        return state;
    }

    synchronized boolean timedOut() {
        return timedOut;
    }

    synchronized String interruptReason() {
        return interruptReason;
    }

    ActionException interruptedError() {
        return new ActionException(actionId, ActionError.INTERRUPTED, "run " + runId + " was " + interruptReason());
    }

    @Override
    public String toString() {
        return runId + " (" + state() + ")";
    }
}
