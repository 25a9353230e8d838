package org.kervi.devices.analog;

import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.HardwareException;
import org.kervi.devices.analog.internal.Ads1115Chip;
import org.kervi.devices.analog.internal.LinearPercent;

/** One single-ended input of an {@link Ads1115}, read in volts. Immutable: the setters return a new channel. */
public final class Ads1115Channel implements SensorDriver {
    private final Ads1115Chip chip;
    private final int channel;
    private final FullScale fullScale;
    private final DataRate dataRate;

    Ads1115Channel(Ads1115Chip chip, int channel, FullScale fullScale, DataRate dataRate) {
        this.chip = chip;
        this.channel = channel;
        this.fullScale = fullScale;
        this.dataRate = dataRate;
    }

    public Ads1115Channel fullScale(FullScale range) {
        return new Ads1115Channel(chip, channel, range, dataRate);
    }

    public Ads1115Channel dataRate(DataRate rate) {
        return new Ads1115Channel(chip, channel, fullScale, rate);
    }

    public int channel() {
        return channel;
    }

    public FullScale fullScale() {
        return fullScale;
    }

    public DataRate dataRate() {
        return dataRate;
    }

    /** Volts at the input, one single-shot conversion. */
    @Override
    public double read() throws HardwareException {
        return chip.convert(channel, fullScale, dataRate);
    }

    /**
     * This input as 0–100 % between two calibration points: {@code voltsAtZero} reads 0 %, {@code voltsAtHundred}
     * 100 % (a capacitive soil-moisture probe: its voltage in dry air, and in water), clamped to 0–100. Either may be
     * the higher one.
     */
    public SensorDriver percent(double voltsAtZero, double voltsAtHundred) {
        return new LinearPercent(this, voltsAtZero, voltsAtHundred);
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
        return fullScale.volts();
    }

    @Override
    public String type() {
        return "voltage";
    }
}
