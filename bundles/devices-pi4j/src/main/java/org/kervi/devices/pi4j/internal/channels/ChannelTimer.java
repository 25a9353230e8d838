package org.kervi.devices.pi4j.internal.channels;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The one thread on which every channel's debounce waits end. */
@Component(service = ChannelTimer.class)
public final class ChannelTimer implements Debouncer.Timer {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kervi-gpio-debounce");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public Runnable schedule(Runnable task, long delayMillis) {
        ScheduledFuture<?> future = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
