package org.kervi.history.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The highest RSS (from /proc) and used heap of this JVM, sampled every 100 ms. */
final class MemorySampler {
    private volatile long maxRssKb;
    private volatile long maxHeapBytes;
    private volatile boolean running;
    private Thread thread;

    void start() {
        running = true;
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void reset() {
        maxRssKb = 0;
        maxHeapBytes = 0;
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    String summary() {
        return String.format(Locale.ROOT, "RSS max %d MB, heap used max %d MB (-Xmx %d MB)", maxRssKb / 1024,
                maxHeapBytes / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private void sample() {
        Runtime rt = Runtime.getRuntime();
        maxHeapBytes = Math.max(maxHeapBytes, rt.totalMemory() - rt.freeMemory());
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    maxRssKb = Math.max(maxRssKb, Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc: RSS stays 0
        }
    }
}
