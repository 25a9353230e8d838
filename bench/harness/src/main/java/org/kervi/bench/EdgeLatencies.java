package org.kervi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Pairs the edges a producer stamped with the changes a consumer stamped (both {@code <nanoTime> <level>} per line,
 * same machine, same CLOCK_MONOTONIC): the i-th change must carry the i-th edge's level, else an edge was lost or
 * merged and the run is refused rather than mismatched.
 */
final class EdgeLatencies {
    private EdgeLatencies() {
    }

    static Bench.Stats pair(Path edges, Path arrivals) throws IOException {
        List<String> sent = Files.readAllLines(edges);
        List<String> seen = Files.readAllLines(arrivals);
        if (sent.size() != seen.size()) {
            throw new IllegalStateException(sent.size() + " edges but " + seen.size() + " changes arrived");
        }
        Latencies latencies = new Latencies(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            String[] edge = sent.get(i).split(" ");
            String[] arrival = seen.get(i).split(" ");
            if (!edge[1].equals(arrival[1])) {
                throw new IllegalStateException("change " + i + " carries " + arrival[1] + ", edge " + i + " was "
                        + edge[1]);
            }
            long arrivedAt = Long.parseLong(arrival[0]);
            latencies.record(arrivedAt - Long.parseLong(edge[0]), arrivedAt);
        }
        return Bench.Stats.parse(latencies.statsJson());
    }
}
