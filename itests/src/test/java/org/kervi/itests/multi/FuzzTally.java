package org.kervi.itests.multi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the fuzzing threads saw: how often each outcome happened (for the report) and the findings — outcomes a
 * sound server never produces — with the input that caused them. Thread-safe.
 */
final class FuzzTally {
    private static final int FINDINGS_KEPT = 25;
    private static final int KIND_LENGTH = 60;

    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    /** The first finding of each kind (its first words, digits ignored) and how often that kind happened. */
    private final Map<String, String> findings = new LinkedHashMap<>();
    private final Map<String, LongAdder> findingsByKind = new ConcurrentHashMap<>();
    private final LongAdder findingCount = new LongAdder();

    void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    long count(String outcomePrefix, boolean prefix) {
        return outcomes.entrySet().stream().filter(e -> prefix ? e.getKey().startsWith(outcomePrefix)
                : e.getKey().equals(outcomePrefix)).mapToLong(e -> e.getValue().sum()).sum();
    }

    void finding(String what) {
        findingCount.increment();
        String kind = what.replaceAll("\\d+", "#");
        kind = kind.substring(0, Math.min(KIND_LENGTH, kind.length()));
        findingsByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        synchronized (findings) {
            if (findings.size() < FINDINGS_KEPT) {
                findings.putIfAbsent(kind, what);
            }
        }
    }

    long findings() {
        return findingCount.sum();
    }

    String report() {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(outcomes).forEach((k, v) -> b.append(String.format("%9d  %s%n", v.sum(), k)));
        synchronized (findings) {
            b.append(findingCount.sum()).append(" findings")
                    .append(findings.isEmpty() ? "" : ", the first of each kind:")
                    .append('\n');
            findings.forEach((kind, f) -> b.append(String.format("  - %d× %s%n", findingsByKind.get(kind).sum(), f)));
        }
        return b.toString();
    }
}
