package org.kervi.devices.system.internal;

import oshi.hardware.CentralProcessor;

/** CPU load between two readings; the first reading measures since the driver was made. */
final class CpuLoadDriver extends PercentDriver {
    private final CentralProcessor processor;
    private long[] previousTicks;

    CpuLoadDriver(CentralProcessor processor) {
        this.processor = processor;
        this.previousTicks = processor.getSystemCpuLoadTicks();
    }

    @Override
    public synchronized double read() {
        double load = processor.getSystemCpuLoadBetweenTicks(previousTicks) * 100;
        previousTicks = processor.getSystemCpuLoadTicks();
        return Math.max(0, Math.min(100, load));
    }

    @Override
    public String type() {
        return "cpu_load";
    }
}
