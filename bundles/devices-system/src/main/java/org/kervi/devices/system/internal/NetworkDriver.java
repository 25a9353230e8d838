package org.kervi.devices.system.internal;

import java.util.List;
import org.kervi.api.components.SensorDriver;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/** Bytes received and sent per second over all non-loopback interfaces, in kB/s, between two readings. */
final class NetworkDriver implements SensorDriver {
    private final HardwareAbstractionLayer hardware;
    private long lastRx;
    private long lastTx;
    private long lastNanos;

    NetworkDriver(HardwareAbstractionLayer hardware) {
        this.hardware = hardware;
        long[] totals = totals();
        lastRx = totals[0];
        lastTx = totals[1];
        lastNanos = System.nanoTime();
    }

    @Override
    public double read() {
        return readDimensions()[0];
    }

    @Override
    public List<String> dimensions() {
        return List.of("rx", "tx");
    }

    @Override
    public synchronized double[] readDimensions() {
        long[] totals = totals();
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        double[] rates = {(totals[0] - lastRx) / 1000.0 / seconds, (totals[1] - lastTx) / 1000.0 / seconds};
        lastRx = totals[0];
        lastTx = totals[1];
        lastNanos = now;
        return rates;
    }

    private long[] totals() {
        long rx = 0;
        long tx = 0;
        for (NetworkIF nif : hardware.getNetworkIFs(false)) {
            nif.updateAttributes();
            rx += nif.getBytesRecv();
            tx += nif.getBytesSent();
        }
        return new long[] {rx, tx};
    }

    @Override
    public String unit() {
        return "kB/s";
    }

    @Override
    public double min() {
        return 0;
    }

    @Override
    public String type() {
        return "network";
    }
}
