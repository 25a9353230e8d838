package org.kervi.devices.pi4j.internal.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebouncerTest {
    private final ManualTimer timer = new ManualTimer();
    private final List<Boolean> delivered = new ArrayList<>();

    @Test
    void aBouncingEdgeIsDeliveredOnceWithTheLevelItSettledAt() {
        Debouncer debouncer = new Debouncer(timer, 20, false, delivered::add);
        debouncer.edge(true);
        debouncer.edge(false);
        debouncer.edge(true);
        assertEquals(List.of(), delivered, "nothing before the level held for the debounce time");
        assertEquals(1, timer.pending(), "every edge restarts the one wait");
        timer.elapse();
        assertEquals(List.of(true), delivered);
        assertEquals(List.of(20L, 20L, 20L), timer.delays());
    }

    @Test
    void aGlitchThatReturnsToTheLastLevelDeliversNothing() {
        Debouncer debouncer = new Debouncer(timer, 20, false, delivered::add);
        debouncer.edge(true);
        debouncer.edge(false);
        timer.elapse();
        assertEquals(List.of(), delivered);
    }

    @Test
    void zeroDebounceDeliversEveryChangeAtOnce() {
        Debouncer debouncer = new Debouncer(timer, 0, false, delivered::add);
        debouncer.edge(true);
        debouncer.edge(true);
        debouncer.edge(false);
        assertEquals(List.of(true, false), delivered);
        assertEquals(0, timer.pending());
    }

    @Test
    void cancelStopsAPendingDelivery() {
        Debouncer debouncer = new Debouncer(timer, 20, false, delivered::add);
        debouncer.edge(true);
        debouncer.cancel();
        timer.elapse();
        assertEquals(List.of(), delivered);
    }
}
