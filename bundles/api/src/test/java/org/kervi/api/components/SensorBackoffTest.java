package org.kervi.api.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.kervi.api.hardware.HardwareException;

/** A failing driver is polled again later and later, up to a cap; the first good reading restores the interval. */
class SensorBackoffTest {
    private final AtomicBoolean chipPresent = new AtomicBoolean(false);
    private final SensorDriver driver = () -> {
        if (!chipPresent.get()) {
            throw new HardwareException(HardwareException.Kind.WRONG_CHIP,
                    "chip id 0x58 at 0x76 on bus 1 is a BMP280, expected BME280 (0x60)");
        }
        return 21.5;
    };

    @Test
    void delaysDoubleFromTheIntervalUpToThirtyIntervalsAndResetOnAGoodReading() {
        ManualScheduler scheduler = new ManualScheduler();
        Sensor sensor = new Sensor("air", "Air", driver).pollInterval(Duration.ofSeconds(1));
        sensor.start(scheduler);

        for (int i = 0; i < 7; i++) {
            scheduler.runPending();
        }
        assertEquals(List.of(0L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L),
                scheduler.delaysMillis());
        assertEquals("WRONG_CHIP: chip id 0x58 at 0x76 on bus 1 is a BMP280, expected BME280 (0x60)",
                sensor.lastError());
        assertEquals(7, sensor.failuresInARow());

        chipPresent.set(true);
        scheduler.runPending();
        assertEquals(1_000L, last(scheduler.delaysMillis()));
        assertNull(sensor.lastError());
        assertEquals(21.5, sensor.value().get());

        chipPresent.set(false);
        scheduler.runPending();
        assertEquals(2_000L, last(scheduler.delaysMillis()), "back-off starts again from the interval");
    }

    @Test
    void backOffIsCappedAtSixtySecondsForLongIntervals() {
        ManualScheduler scheduler = new ManualScheduler();
        Sensor sensor = new Sensor("air", "Air", driver).pollInterval(Duration.ofSeconds(10));
        sensor.start(scheduler);
        for (int i = 0; i < 4; i++) {
            scheduler.runPending();
        }
        assertEquals(List.of(0L, 20_000L, 40_000L, 60_000L, 60_000L), scheduler.delaysMillis());
    }

    @Test
    void anIntervalLongerThanTheCapIsKept() {
        assertEquals(Duration.ofMinutes(5), PollBackoff.delay(Duration.ofMinutes(5), 3));
        assertEquals(Duration.ofMillis(100), PollBackoff.delay(Duration.ofMillis(100), 0));
        assertEquals(Duration.ofSeconds(3), PollBackoff.delay(Duration.ofMillis(100), 1000));
    }

    @Test
    void stoppingCancelsThePendingPollAndSchedulesNoMore() {
        ManualScheduler scheduler = new ManualScheduler();
        Sensor sensor = new Sensor("air", "Air", driver);
        sensor.start(scheduler);
        scheduler.runPending();
        sensor.stop();
        assertFalse(scheduler.hasPending());
        assertEquals(2, scheduler.delaysMillis().size());
    }

    private static long last(List<Long> list) {
        return list.get(list.size() - 1);
    }
}
