package org.kervi.bench;

/** Samples the resident set size of a process every second on a daemon thread and keeps the largest seen. */
final class RssSampler implements AutoCloseable {
    private final long pid;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxKiB = -1;

    RssSampler(long pid) {
        this.pid = pid;
        thread = new Thread(this::sample, "rss-sampler-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            long kib = Bench.procKiB(pid, "status", "VmRSS:");
            if (kib > maxKiB) {
                maxKiB = kib;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long maxKiB() {
        return maxKiB;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
