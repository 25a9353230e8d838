package org.kervi.devices.system.internal;

import oshi.hardware.GlobalMemory;

/** Memory in use: total minus available, in percent of total. */
final class MemoryUsedDriver extends PercentDriver {
    private final GlobalMemory memory;

    MemoryUsedDriver(GlobalMemory memory) {
        this.memory = memory;
    }

    @Override
    public double read() {
        long total = memory.getTotal();
        return total <= 0 ? 0 : 100.0 * (total - memory.getAvailable()) / total;
    }

    @Override
    public String type() {
        return "memory";
    }
}
