package org.kervi.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.kervi.api.components.SensorDriver;

/**
 * A sensor driver a test steers: it reads what it was last told ({@link #reads}), or the queued readings one per
 * poll ({@link #then}), or fails with the exception it was given ({@link #failsWith}) until told a reading again.
 */
public final class ScriptedDriver implements SensorDriver {
    private final Deque<Double> queued = new ArrayDeque<>();
    private double reading;
    private Exception failure;
    private String unit = "";
    private String type = "";
    private double min = Double.NEGATIVE_INFINITY;
    private double max = Double.POSITIVE_INFINITY;
    private long reads;

    public ScriptedDriver(double firstReading) {
        this.reading = firstReading;
    }

    /** Every poll from now on reads {@code value}; clears queued readings and a failure. */
    public synchronized ScriptedDriver reads(double value) {
        queued.clear();
        failure = null;
        reading = value;
        return this;
    }

    /** The next polls read these, one each, then keep reading the last one. */
    public synchronized ScriptedDriver then(double... values) {
        failure = null;
        for (double value : values) {
            queued.add(value);
        }
        return this;
    }

    /** Every poll from now on fails with {@code error} (a {@code HardwareException} to simulate a lost chip). */
    public synchronized ScriptedDriver failsWith(Exception error) {
        failure = error;
        return this;
    }

    public ScriptedDriver unit(String newUnit) {
        this.unit = newUnit;
        return this;
    }

    public ScriptedDriver type(String newType) {
        this.type = newType;
        return this;
    }

    public ScriptedDriver range(double newMin, double newMax) {
        this.min = newMin;
        this.max = newMax;
        return this;
    }

    /** Reads so far, failed ones included. */
    public synchronized long readCount() {
        return reads;
    }

    @Override
    public synchronized double read() throws Exception {
        reads++;
        if (failure != null) {
            throw failure;
        }
        if (!queued.isEmpty()) {
            reading = queued.poll();
        }
        return reading;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public double min() {
        return min;
    }

    @Override
    public double max() {
        return max;
    }
}
