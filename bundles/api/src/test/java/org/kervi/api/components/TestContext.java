package org.kervi.api.components;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A real scheduler, as the runtime gives one. */
final class TestContext implements ComponentContext, AutoCloseable {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public String instanceId() {
        return "test";
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
