package org.kervi.dashboard.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The value changes of one fan-out round, encoded once for every stream: each entry as its JSON text, and the whole
 * round as one {@code values} event (text and UTF-8 bytes) that a stream with nothing else pending writes as it is.
 */
final class ValuesBatch {
    /** One change as the wire has it: {@code {"id":…,"v":…,"t":…}}. */
    record Entry(String valueId, String json) {
    }

    private final List<Entry> entries;
    private final Set<String> ids;
    private final String frame;
    private final byte[] bytes;

    ValuesBatch(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.ids = Set.copyOf(this.entries.stream().map(Entry::valueId).toList());
        this.frame = StreamFrames.values(this.entries.stream().map(Entry::json).toList(), this.entries.size());
        this.bytes = frame.getBytes(StandardCharsets.UTF_8);
    }

    /** The entries of these ids: this batch when it has no other, else a new one (possibly empty). */
    ValuesBatch only(Set<String> streamedIds) {
        if (streamedIds.containsAll(ids)) {
            return this;
        }
        return new ValuesBatch(entries.stream().filter(e -> streamedIds.contains(e.valueId())).toList());
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    List<Entry> entries() {
        return entries;
    }

    Set<String> ids() {
        return ids;
    }

    String frame() {
        return frame;
    }

    byte[] bytes() {
        return bytes;
    }
}
