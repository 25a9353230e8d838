package org.kervi.api.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kervi.api.values.ValueRejectedException;
import org.kervi.api.values.ValueRole;

class SensorTest {

    @Test
    void oneDimensionSensorHasOneValueWithTheSensorIdAndDriverMetadata() {
        Sensor s = new Sensor("cpu_load", "CPU", new SensorDriver() {
            @Override
            public double read() {
                return 12;
            }

            @Override
            public String unit() {
                return "%";
            }

            @Override
            public double min() {
                return 0;
            }

            @Override
            public double max() {
                return 100;
            }
        });
        assertEquals("cpu_load", s.value().id());
        assertEquals("%", s.value().unit());
        assertEquals(100, s.value().max());
        assertEquals(ValueRole.SENSOR, s.value().role());
        assertThrows(ValueRejectedException.class, () -> s.value().setFromOutside(3));
        s.poll();
        assertEquals(12.0, s.value().get());
    }

    @Test
    void multiDimensionSensorHasOneValuePerDimension() {
        Sensor imu = new Sensor("imu", "IMU", new SensorDriver() {
            @Override
            public double read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> dimensions() {
                return List.of("x", "y", "z");
            }

            @Override
            public double[] readDimensions() {
                return new double[] {1, 2, 3};
            }
        });
        assertEquals(List.of("imu.x", "imu.y", "imu.z"), imu.dimensionValues().stream().map(v -> v.id()).toList());
        imu.poll();
        assertEquals(2.0, imu.value("y").get());
        assertEquals(3.0, imu.value("z").get());
    }

    @Test
    void pollsOnTheSchedulerOnlyWhileStarted() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch threeReads = new CountDownLatch(3);
        Sensor s = new Sensor("counter", "Counter", () -> {
            threeReads.countDown();
            return reads.incrementAndGet();
        }).pollInterval(Duration.ofMillis(10));
        s.poll();
        assertEquals(1, reads.get(), "not started: no polling of its own");
        try (TestContext context = new TestContext()) {
            s.start(context);
            assertTrue(threeReads.await(5, TimeUnit.SECONDS));
            s.stop();
            int afterStop = reads.get();
            Thread.sleep(100);
            assertTrue(reads.get() <= afterStop + 1, "polling stops with the sensor");
        }
        assertTrue(s.readings() >= 3);
    }

    @Test
    void failingDriverIsReportedAndPollingGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        Sensor s = new Sensor("flaky", "Flaky", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new java.io.IOException("bus error");
            }
            return 5;
        });
        s.poll();
        assertEquals("IOException: bus error", s.lastError());
        s.poll();
        assertNull(s.lastError());
        assertEquals(5.0, s.value().get());
    }
}
