package org.kervi.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.NumberValue;

class PersistedValuesTest {
    private static final String MAX_SPEED = "fan_controller.max_speed";
    private static final String BOOST = "fan_controller.boost";
    private final TestRegistry root = new TestRegistry("root");
    private PersistedValues persisted = new PersistedValues(root);

    @AfterEach
    void close() {
        persisted.close();
    }

    /** The controllers module's instance (again): its persisted inputs at their defaults, 100 % and off. */
    private Controllers controllersStart() {
        if (root.value(MAX_SPEED).isPresent()) {
            root.remove(MAX_SPEED);
            root.remove(BOOST);
        }
        NumberValue maxSpeed = new NumberValue(MAX_SPEED, "Maximum speed").range(0, 100);
        maxSpeed.set(100.0);
        maxSpeed.persist();
        BooleanValue boost = new BooleanValue(BOOST, "Boost");
        boost.set(false);
        boost.persist();
        return new Controllers(root.add(maxSpeed, "controllers"), root.add(boost, "controllers"));
    }

    private record Controllers(NumberValue maxSpeed, BooleanValue boost) {}

    /** The root stopped and started again: a new supervisor with an empty memory on the same store. */
    private void rootRestarts() {
        persisted.close();
        persisted = new PersistedValues(root);
    }

    @Test
    void withoutHistoryAModuleRestartGetsTheValuesSetWhileItServed() {
        Controllers first = controllersStart();
        persisted.restore("controllers").join();
        first.maxSpeed().setFromOutside(40);
        first.boost().setFromOutside(true);

        persisted.pause("controllers");
        Controllers second = controllersStart();
        persisted.restore("controllers").join();

        assertEquals(40.0, second.maxSpeed().get());
        assertTrue(second.boost().isOn());
        assertEquals(Map.of(MAX_SPEED, 40.0, BOOST, true), persisted.remembered("controllers"));
    }

    @Test
    void changesWhileTheModuleDoesNotServeAreNotItsState() {
        Controllers first = controllersStart();
        persisted.restore("controllers").join();
        first.maxSpeed().setFromOutside(40);
        persisted.pause("controllers");
        first.maxSpeed().setFromOutside(0);

        Controllers second = controllersStart();
        persisted.restore("controllers").join();

        assertEquals(40.0, second.maxSpeed().get());
    }

    @Test
    void statesSetWhileServingAreKeptInTheHistoryAndComeBackAfterARestartOfTheRoot() {
        MemoryValueHistory history = new MemoryValueHistory();
        persisted.useHistory(history);
        Controllers first = controllersStart();
        persisted.restore("controllers").join();
        assertNull(history.kept(MAX_SPEED), "a default seen at the first start is no state to keep");
        first.maxSpeed().setFromOutside(40);
        first.boost().setFromOutside(true);
        assertEquals(40.0, history.kept(MAX_SPEED));
        assertEquals(true, history.kept(BOOST));

        rootRestarts();
        persisted.useHistory(history);
        Controllers again = controllersStart();
        persisted.restore("controllers").join();

        assertEquals(40.0, again.maxSpeed().get());
        assertTrue(again.boost().isOn());
        assertEquals(40.0, history.kept(MAX_SPEED), "the defaults the new instance published did not replace it");
        assertEquals(List.of(BOOST + "=true", MAX_SPEED + "=40.0"), root.writes(), "only the restores");
    }

    @Test
    void aHistoryThatComesAfterTheModuleServesStillRestoresItAndKeepsWhatChangedMeanwhile() {
        MemoryValueHistory history = new MemoryValueHistory().keeping(MAX_SPEED, 40.0).keeping(BOOST, true);
        Controllers module = controllersStart();
        persisted.restore("controllers").join();
        module.maxSpeed().setFromOutside(70);

        persisted.useHistory(history);

        assertTrue(module.boost().isOn(), "the stored state, written late");
        assertEquals(70.0, module.maxSpeed().get(), "set in this run: newer than the stored state");
        assertEquals(70.0, history.kept(MAX_SPEED));
        assertEquals(Map.of(MAX_SPEED, 70.0, BOOST, true), persisted.remembered("controllers"));
    }

    @Test
    void theRootsOwnValuesGetTheirStateBeforeTheAppStartsAndLaterOnesWhenTheyAppear() {
        MemoryValueHistory history = new MemoryValueHistory().keeping("app.mode", 2.0).keeping("late.mode", 3.0);
        NumberValue mode = new NumberValue("app.mode", "Mode");
        mode.set(0.0);
        mode.persist();
        root.add(mode, "root");
        persisted.useHistory(history);
        assertEquals(0.0, mode.get(), "nothing written before the application starts");

        persisted.restoreLocal();
        assertEquals(2.0, mode.get());
        NumberValue late = new NumberValue("late.mode", "Late");
        late.set(0.0);
        late.persist();
        root.add(late, "root");
        assertEquals(3.0, late.get(), "written while it was added, before its component starts");

        mode.setFromOutside(5);
        assertEquals(5.0, history.kept("app.mode"));
        assertEquals(Map.of("app.mode", 5.0, "late.mode", 3.0), persisted.remembered("root"));
    }

    @Test
    void aFailingHistoryLeavesTheStatesInMemory() {
        MemoryValueHistory history = new MemoryValueHistory();
        persisted.useHistory(history);
        Controllers first = controllersStart();
        persisted.restore("controllers").join();
        history.fail(true);
        first.maxSpeed().setFromOutside(40);

        persisted.pause("controllers");
        Controllers second = controllersStart();
        persisted.restore("controllers").join();

        assertEquals(40.0, second.maxSpeed().get());
        assertNull(history.kept(MAX_SPEED));
    }

    @Test
    void aHistoryThatGoesAwayIsNoLongerWritten() {
        MemoryValueHistory history = new MemoryValueHistory();
        persisted.useHistory(history);
        Controllers module = controllersStart();
        persisted.restore("controllers").join();
        persisted.noHistory(history);
        module.maxSpeed().setFromOutside(40);

        assertNull(history.kept(MAX_SPEED));
        assertEquals(Map.of(MAX_SPEED, 40.0, BOOST, false), persisted.remembered("controllers"));
    }
}
