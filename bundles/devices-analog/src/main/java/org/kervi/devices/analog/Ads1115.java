package org.kervi.devices.analog;

import java.util.ArrayList;
import java.util.List;
import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.analog.internal.Ads1115Chip;
import org.kervi.devices.analog.internal.Ads1115Config;

/**
 * A Texas Instruments ADS1115 16-bit ADC on I2C with four single-ended inputs (AIN0..AIN3 against GND). Each read is
 * one single-shot conversion: write the config register, wait until the chip says it is done, read the conversion
 * register. {@code Ads1115.on(i2c).channel(0)} is a sensor driver in volts; {@code .percent(dry, wet)} scales it.
 */
public final class Ads1115 {
    /** ADDR to GND. */
    public static final int ADDRESS = 0x48;
    /** ADDR to VDD. */
    public static final int ADDRESS_VDD = 0x49;
    /** ADDR to SDA. */
    public static final int ADDRESS_SDA = 0x4A;
    /** ADDR to SCL. */
    public static final int ADDRESS_SCL = 0x4B;
    /** The conversion register: a simulation queues two bytes (big-endian, signed) here per read. */
    public static final int CONVERSION_REGISTER = Ads1115Config.CONVERSION_REGISTER;
    /** The config register: written before each conversion; its bit 15 reads 1 when the conversion is done. */
    public static final int CONFIG_REGISTER = Ads1115Config.CONFIG_REGISTER;
    public static final int CHANNELS = 4;

    private final Ads1115Chip chip;

    private Ads1115(Ads1115Chip chip) {
        this.chip = chip;
    }

    public static Ads1115 on(I2cDevice device) {
        return new Ads1115(new Ads1115Chip(device));
    }

    /**
     * Input {@code channel} (0..3) against GND, at ±4.096 V and 128 samples per second until changed. Channels of one
     * chip take turns: one conversion at a time.
     */
    public Ads1115Channel channel(int channel) {
        if (channel < 0 || channel >= CHANNELS) {
            throw new IllegalArgumentException("ADS1115 channel " + channel + ": the chip has channels 0 to 3");
        }
        return new Ads1115Channel(chip, channel, FullScale.V4_096, DataRate.SPS_128);
    }

    /**
     * Several inputs as one multi-dimension sensor driver in volts, dimensions {@code ain0}..{@code ain3}: one
     * component for a chip whose inputs are all in use (one component holds the I2C device). Each read converts the
     * channels in turn, at ±4.096 V and 128 samples per second.
     */
    public SensorDriver channels(int... channels) {
        if (channels.length == 0) {
            throw new IllegalArgumentException("ADS1115: name at least one channel");
        }
        List<Ads1115Channel> inputs = new ArrayList<>();
        for (int channel : channels) {
            inputs.add(channel(channel));
        }
        return new Ads1115Inputs(inputs);
    }

    /**
     * The two bytes the conversion register holds for {@code volts} at {@code fullScale} (clipped to the range):
     * what a simulation on the mock platform queues on {@link #CONVERSION_REGISTER} before each read.
     */
    public static byte[] conversionBytes(double volts, FullScale fullScale) {
        return Ads1115Config.conversionBytes(volts, fullScale);
    }
}
