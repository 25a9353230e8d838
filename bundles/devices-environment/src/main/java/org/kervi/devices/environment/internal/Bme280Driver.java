package org.kervi.devices.environment.internal;

import java.util.function.ToDoubleFunction;
import org.kervi.api.components.SensorDriver;

/** One quantity of a BME280 as a sensor driver; each read is one burst read of the chip. */
public final class Bme280Driver implements SensorDriver {
    private final Bme280Chip chip;
    private final ToDoubleFunction<Bme280Reading> quantity;
    private final String unit;
    private final double min;
    private final double max;
    private final String type;

    public Bme280Driver(Bme280Chip chip, ToDoubleFunction<Bme280Reading> quantity, String unit, double min,
            double max, String type) {
        this.chip = chip;
        this.quantity = quantity;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.type = type;
    }

    @Override
    public double read() throws Exception {
        return quantity.applyAsDouble(chip.read());
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
