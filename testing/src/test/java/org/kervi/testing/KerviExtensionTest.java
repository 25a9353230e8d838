package org.kervi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kervi.api.values.NumberValue;

@ExtendWith(KerviExtension.class)
class KerviExtensionTest {
    private static final List<KerviTestRuntime> GIVEN = new ArrayList<>();
    private KerviTestRuntime fromBeforeEach;

    @BeforeEach
    void addTheRoom(KerviTestRuntime kervi) {
        fromBeforeEach = kervi;
        kervi.addValue(new NumberValue("room", "Room"));
    }

    @Test
    void theTestGetsTheRuntimeItsBeforeEachSetUp(KerviTestRuntime kervi) {
        GIVEN.add(kervi);
        assertSame(fromBeforeEach, kervi);
        assertFalse(kervi.scheduler().isShutdown(), "open while the test runs");
        kervi.set("room", 19);
        assertEquals(19.0, kervi.number("room"));
    }

    @Test
    void eachTestGetsAFreshRuntime(KerviTestRuntime kervi) {
        GIVEN.add(kervi);
        kervi.set("room", 4);
        assertEquals(4.0, kervi.number("room"));
    }

    @AfterAll
    static void everyRuntimeWasClosedAfterItsTest() {
        assertEquals(2, GIVEN.size());
        assertNotSame(GIVEN.get(0), GIVEN.get(1));
        GIVEN.forEach(runtime -> assertTrue(runtime.scheduler().isShutdown(), "closed after its test"));
    }
}
