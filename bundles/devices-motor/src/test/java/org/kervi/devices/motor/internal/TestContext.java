package org.kervi.devices.motor.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.kervi.api.components.ComponentContext;

/** A real scheduler, as the runtime gives one to a started component. */
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
