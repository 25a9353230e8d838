package org.kervi.automation.internal.links;

import java.util.concurrent.CompletableFuture;

/** One run an action link started. */
interface LinkRun {
    /** Completes when the run ends: normally, failed, or interrupted. */
    CompletableFuture<?> completion();

    void interrupt();
}
