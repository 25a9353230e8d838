package org.kervi.devices.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kervi.api.components.SensorDriver;

/** Reads this machine for real; the values must be plausible, not exact. */
class OshiSystemSensorDriversTest {
    private final OshiSystemSensorDrivers drivers = new OshiSystemSensorDrivers();

    @Test
    void cpuLoadIsAPercentage() throws Exception {
        SensorDriver cpu = drivers.cpuLoad();
        for (int i = 0; i < 3; i++) {
            long spin = System.nanoTime() + 20_000_000;
            while (System.nanoTime() < spin) {
                Thread.onSpinWait();
            }
            double load = cpu.read();
            assertTrue(load >= 0 && load <= 100, "load " + load);
        }
        assertEquals("%", cpu.unit());
    }

    @Test
    void memoryAndDiskAreInUse() throws Exception {
        double memory = drivers.memoryUsed().read();
        assertTrue(memory > 0 && memory < 100, "memory " + memory);
        double disk = drivers.diskUsed(System.getProperty("java.io.tmpdir")).read();
        assertTrue(disk > 0 && disk < 100, "disk " + disk);
    }

    @Test
    void networkHasTwoNonNegativeDimensions() throws Exception {
        SensorDriver net = drivers.network();
        assertEquals(2, net.dimensions().size());
        double[] rates = net.readDimensions();
        assertTrue(rates[0] >= 0 && rates[1] >= 0);
    }
}
