package org.kervi.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.kervi.api.components.Sensor;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.runtime.ComponentInfo;
import org.kervi.api.runtime.RegistryListener;
import org.kervi.api.runtime.UnknownIdException;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.ValueChange;
import org.kervi.api.values.ValueRejectedException;
import org.kervi.core.internal.Components.Follower;
import org.kervi.core.internal.Components.Holder;

class RegistryTest {

    @Test
    void duplicateValueIdRefusesTheSecondComponentAndSaysWhy() {
        try (Runtime rt = new Runtime()) {
            Holder first = rt.add(new Holder("a", "shared"));
            rt.add(new Holder("b", "shared"));
            List<ComponentInfo> components = rt.registry.components();
            assertEquals("started", components.get(0).state());
            assertEquals("refused", components.get(1).state());
            assertEquals("value id 'shared' is already owned by component 'a' in instance 'test-instance'",
                    components.get(1).error());
            assertTrue(rt.registry.value("shared").get().value() == first.value);
        }
    }

    @Test
    void setValueConvertsChecksAndSaysWhatWasWrong() throws Exception {
        try (Runtime rt = new Runtime()) {
            Follower f = rt.add(new Follower("fan", "nothing"));
            rt.registry.setValue("fan.temp", "42").get();
            assertEquals(42.0, f.temp.get());
            assertEquals(84.0, f.out.get(), "inputChanged ran");

            assertCause(UnknownIdException.class, "unknown value id 'fan.nope'", () -> rt.registry.setValue("fan.nope", 1).get());
            assertCause(ValueRejectedException.class, "fan.temp: expected a number, got 'hot' (String)",
                    () -> rt.registry.setValue("fan.temp", "hot").get());
            assertCause(ValueRejectedException.class, "fan.temp: 200 is out of range [0, 150]",
                    () -> rt.registry.setValue("fan.temp", "200").get());
            assertCause(ValueRejectedException.class, "fan.out: is read-only (output); only its component sets it",
                    () -> rt.registry.setValue("fan.out", "1").get());
            assertEquals(42.0, f.temp.get());
        }
    }

    @Test
    void inputChangedWaitsForReadiness() throws Exception {
        TestConfig config = new TestConfig();
        config.readyOnStart = false;
        try (Runtime rt = new Runtime(config)) {
            Follower f = rt.add(new Follower("fan", "nothing"));
            rt.registry.setValue("fan.temp", 10).get();
            assertEquals(List.of(), f.seen);
            assertEquals("registered", rt.registry.components().get(0).state());
            rt.tracker.markReady();
            rt.registry.setValue("fan.temp", 11).get();
            assertEquals(List.of(11.0), f.seen);
        }
    }

    @Test
    void subscribeAllSeesPresentAndFutureValuesAndListenersSeeAddRemove() {
        try (Runtime rt = new Runtime()) {
            List<String> changes = new CopyOnWriteArrayList<>();
            List<String> events = new CopyOnWriteArrayList<>();
            rt.registry.subscribeAll((ValueChange<?> c) -> changes.add(c.id() + "=" + c.current()));
            rt.registry.addListener(new RegistryListener() {
                @Override
                public void valueAdded(ValueEntry entry) {
                    events.add("+" + entry.id());
                }

                @Override
                public void valueRemoved(ValueEntry entry) {
                    events.add("-" + entry.id());
                }
            });
            Holder h = rt.add(new Holder("h", "h.v"));
            h.value.set(3);
            rt.remove(h);
            h.value.set(4);
            assertEquals(List.of("h.v=3.0"), changes);
            assertEquals(List.of("+h.v", "-h.v"), events);
        }
    }

    @Test
    void sensorsPollOnTheSharedSchedulerOnceAdded() throws Exception {
        try (Runtime rt = new Runtime()) {
            Sensor s = rt.add(new Sensor("s", "S", () -> 7).pollInterval(Duration.ofMillis(10)));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (s.readings() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(s.readings() >= 2);
            assertEquals(7.0, rt.registry.value("s").get().value().get());
            rt.remove(s);
            assertTrue(!s.isStarted());
        }
    }

    @Test
    void aSensorWhoseDriverFailsIsFailingWithTheDriversError() throws Exception {
        try (Runtime rt = new Runtime()) {
            Sensor s = rt.add(new Sensor("air", "Air", () -> {
                throw new HardwareException(HardwareException.Kind.WRONG_CHIP, "chip id 0x58 at 0x76 on bus 1");
            }));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (s.lastError() == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            ComponentInfo info = rt.registry.components().get(0);
            assertEquals("failing", info.state());
            assertEquals("WRONG_CHIP: chip id 0x58 at 0x76 on bus 1", info.error());
        }
    }

    private static void assertCause(Class<? extends Throwable> type, String message,
            org.junit.jupiter.api.function.Executable call) {
        ExecutionException e = assertThrows(ExecutionException.class, call);
        assertEquals(type, e.getCause().getClass());
        assertEquals(message, e.getCause().getMessage());
    }

    @Test
    void aValueIsNeverSeenWithoutItsComponent() throws Exception {
        try (Runtime rt = new Runtime()) {
            java.util.concurrent.atomic.AtomicReference<String> broken = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread reader = new Thread(() -> {
                while (!done.get() && broken.get() == null) {
                    for (ValueEntry v : rt.registry.values()) {
                        boolean listed = rt.registry.components().stream().anyMatch(c -> c.id().equals(v.componentId()));
                        if (!listed && rt.registry.value(v.id()).isPresent()) {
                            broken.set(v.id() + " visible without component " + v.componentId());
                        }
                    }
                }
            });
            reader.start();
            for (int i = 0; i < 2_000 && broken.get() == null; i++) {
                Holder h = rt.add(new Holder("c" + i, "v" + i));
                rt.remove(h);
            }
            done.set(true);
            reader.join();
            assertEquals(null, broken.get());
        }
    }
}
