package org.kervi.api.components;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads a device. A one-dimension driver implements {@link #read()}; a multi-dimension driver (an IMU's x, y, z)
 * names its dimensions and implements {@link #readDimensions()}.
 */
@ConsumerType
public interface SensorDriver {
    /** One reading. */
    double read() throws Exception;

    /** Dimension labels; empty for a one-dimension sensor. */
    default List<String> dimensions() {
        return List.of();
    }

    /** One reading per dimension, in the order of {@link #dimensions()}. */
    default double[] readDimensions() throws Exception {
        return new double[] {read()};
    }

    default String unit() {
        return "";
    }

    default double min() {
        return Double.NEGATIVE_INFINITY;
    }

    default double max() {
        return Double.POSITIVE_INFINITY;
    }

    /** Kervi's driver type ("temperature", "cpu_load", ...); informational. */
    default String type() {
        return "";
    }
}
