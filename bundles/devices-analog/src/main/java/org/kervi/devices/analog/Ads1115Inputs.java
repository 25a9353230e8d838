package org.kervi.devices.analog;

import java.util.List;
import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.HardwareException;

/** Several inputs of one {@link Ads1115} as dimensions of one sensor ({@code ain0}..{@code ain3}), in volts. */
final class Ads1115Inputs implements SensorDriver {
    private final List<Ads1115Channel> channels;

    Ads1115Inputs(List<Ads1115Channel> channels) {
        this.channels = List.copyOf(channels);
    }

    @Override
    public double read() throws HardwareException {
        return channels.get(0).read();
    }

    @Override
    public List<String> dimensions() {
        return channels.stream().map(c -> "ain" + c.channel()).toList();
    }

    @Override
    public double[] readDimensions() throws HardwareException {
        double[] volts = new double[channels.size()];
        for (int i = 0; i < volts.length; i++) {
            volts[i] = channels.get(i).read();
        }
        return volts;
    }

    @Override
    public String unit() {
        return "V";
    }

    @Override
    public double min() {
        return 0;
    }

    @Override
    public double max() {
        return channels.get(0).fullScale().volts();
    }

    @Override
    public String type() {
        return "voltage";
    }
}
