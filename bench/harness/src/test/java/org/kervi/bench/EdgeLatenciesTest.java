package org.kervi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeLatenciesTest {
    @TempDir
    Path dir;

    @Test
    void pairsTheIthChangeWithTheIthEdge() throws IOException {
        Bench.Stats stats = EdgeLatencies.pair(write("edges", "1000 true", "2000 false", "3000 true"),
                write("arrivals", "1300 true", "2100 false", "8000 true"));
        assertEquals(3, stats.count());
        assertEquals(0.3, stats.p50us(), 1e-9);
        assertEquals(5.0, stats.maxus(), 1e-9);
    }

    @Test
    void refusesALostChange() throws IOException {
        IllegalStateException lost = assertThrows(IllegalStateException.class, () -> EdgeLatencies.pair(
                write("edges", "1000 true", "2000 false"), write("arrivals", "1300 true")));
        assertEquals("2 edges but 1 changes arrived", lost.getMessage());
    }

    @Test
    void refusesAChangeThatCarriesAnotherEdgesLevel() throws IOException {
        IllegalStateException shifted = assertThrows(IllegalStateException.class, () -> EdgeLatencies.pair(
                write("edges", "1000 true", "2000 false"), write("arrivals", "1300 false", "2100 true")));
        assertEquals("change 0 carries false, edge 0 was true", shifted.getMessage());
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
