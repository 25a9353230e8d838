package org.kervi.bench;

import java.util.Locale;

/** Resident memory of one process before, during (largest sample, every second) and after a phase. */
final class ProcessMemory implements AutoCloseable {
    private final String name;
    private final long pid;
    private final long beforeKiB;
    private final RssSampler sampler;
    private long afterKiB = -1;

    private ProcessMemory(String name, long pid) {
        this.name = name;
        this.pid = pid;
        this.beforeKiB = rssKiB(pid);
        this.sampler = new RssSampler(pid);
    }

    static ProcessMemory watch(String name, long pid) {
        return new ProcessMemory(name, pid);
    }

    static long rssKiB(long pid) {
        return Bench.procKiB(pid, "status", "VmRSS:");
    }

    /** Growth from before to the largest of during and after, in KiB. */
    long growthKiB() {
        return Math.max(afterKiB, sampler.maxKiB()) - beforeKiB;
    }

    boolean bounded(long limitKiB) {
        return beforeKiB >= 0 && growthKiB() <= limitKiB;
    }

    /** Table cells: who, before → after (max during), growth, target, met. */
    String cells(long limitKiB) {
        return String.format(Locale.ROOT, "RSS %s before → after (max during) | %s → %s (%s) | | Δ %+.1f MiB | "
                + "≤ before + %d MiB | %s", name, Bench.mib(beforeKiB), Bench.mib(afterKiB),
                Bench.mib(sampler.maxKiB()), growthKiB() / 1024.0, limitKiB / 1024, bounded(limitKiB) ? "yes" : "NO");
    }

    @Override
    public void close() {
        afterKiB = rssKiB(pid);
        sampler.close();
    }
}
