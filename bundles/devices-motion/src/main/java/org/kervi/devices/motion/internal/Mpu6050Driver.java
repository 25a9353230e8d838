package org.kervi.devices.motion.internal;

import java.util.List;
import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.HardwareException;

/** One part of an MPU6050 as a sensor driver: one burst read of the chip per reading. */
public final class Mpu6050Driver implements SensorDriver {
    /** A read of one or more numbers from the chip. */
    @FunctionalInterface
    public interface Reading {
        double[] read() throws HardwareException;
    }

    private final Reading reading;
    private final List<String> dimensions;
    private final String unit;
    private final double min;
    private final double max;
    private final String type;

    public Mpu6050Driver(Reading reading, List<String> dimensions, String unit, double min, double max,
            String type) {
        this.reading = reading;
        this.dimensions = List.copyOf(dimensions);
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.type = type;
    }

    /** The first number (x for an axis sensor). */
    @Override
    public double read() throws Exception {
        return reading.read()[0];
    }

    @Override
    public List<String> dimensions() {
        return dimensions;
    }

    @Override
    public double[] readDimensions() throws Exception {
        return reading.read();
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public double min() {
        return min;
    }

    @Override
    public double max() {
        return max;
    }

    @Override
    public String type() {
        return type;
    }
}
