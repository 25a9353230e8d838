package org.kervi.automation.internal.links;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.kervi.api.actionlinks.ActionLinkSpec;
import org.kervi.api.actionlinks.ActionLinkState;
import org.kervi.api.actionlinks.ActionLinkStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One link's state machine: remembers whether the trigger held at the last update (edge detection), the run it
 * started, and what the shell shows. Updates of one value arrive on the setting thread; the lock keeps a link's
 * decisions in order.
 */
final class LinkRunner {
    private static final Logger LOG = LoggerFactory.getLogger(LinkRunner.class);
    private final ActionLinkSpec spec;
    private final String origin;
    private final ActionStarter starter;
    private final Clock clock;
    private boolean triggerHeld;
    private LinkRun run;
    private boolean interruptRequested;
    private Instant lastTrigger;
    private long starts;
    private long skipped;
    private long interrupts;
    private String lastError = "";

    LinkRunner(ActionLinkSpec spec, String origin, ActionStarter starter, Clock clock) {
        this.spec = spec;
        this.origin = origin;
        this.starter = starter;
        this.clock = clock;
    }

    ActionLinkSpec spec() {
        return spec;
    }

    synchronized void update(Object value) {
        if (run != null && spec.interrupt() != null && !interruptRequested && spec.interrupt().test(value)) {
            interruptRequested = true;
            interrupts++;
            LOG.info("Action link '{}': {} is {}, meets '{}': interrupting {}", spec.id(), spec.valueId(), value,
                    spec.interrupt(), spec.actionId());
            run.interrupt();
        }
        boolean held = spec.trigger().test(value);
        boolean rising = held && !triggerHeld;
        triggerHeld = held;
        if (!rising) {
            return;
        }
        if (run != null) {
            skipped++;
            return;
        }
        start(value);
    }

    private void start(Object value) {
        List<Object> args = new ArrayList<>();
        if (spec.passValue()) {
            args.add(value);
        }
        args.addAll(spec.parameters());
        lastTrigger = clock.instant();
        starts++;
        interruptRequested = false;
        LinkRun started;
        try {
            started = starter.start(spec.actionId(), args);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        run = started;
        started.completion().whenComplete((result, error) -> finished(started, error));
    }

    private synchronized void finished(LinkRun ended, Throwable error) {
        if (run != ended) {
            return;
        }
        run = null;
        if (error == null) {
            lastError = "";
        } else if (!interruptRequested) {
            fail(error);
        }
    }

    private void fail(Throwable error) {
        Throwable cause = unwrap(error);
        lastError = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        LOG.warn("Action link '{}' ({}): {}", spec.id(), spec.describe(), lastError);
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    synchronized ActionLinkStatus status(boolean valueKnown) {
        ActionLinkState state = run != null ? ActionLinkState.RUNNING
                : valueKnown ? ActionLinkState.WAITING : ActionLinkState.UNRESOLVED;
        return new ActionLinkStatus(spec.id(), spec, origin, state, lastTrigger, starts, skipped, interrupts,
                lastError);
    }
}
