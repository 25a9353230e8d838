package org.kervi.devices.analog.internal;

import java.util.concurrent.locks.LockSupport;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.analog.DataRate;
import org.kervi.devices.analog.FullScale;

/** One ADS1115: single-shot conversions, one at a time for all of its channels. */
public final class Ads1115Chip {
    /** How many conversion times to wait for the done bit before calling the chip unresponsive. */
    static final int PATIENCE_IN_CONVERSIONS = 4;

    private final I2cDevice device;

    public Ads1115Chip(I2cDevice device) {
        this.device = device;
    }

    public synchronized double convert(int channel, FullScale fullScale, DataRate dataRate)
            throws HardwareException {
        device.writeRegisters(Ads1115Config.CONFIG_REGISTER,
                Ads1115Config.word(Ads1115Config.startConversion(channel, fullScale, dataRate)));
        awaitConversion(dataRate);
        return Ads1115Config.volts(device.readRegisters(Ads1115Config.CONVERSION_REGISTER, 2), fullScale);
    }

    /** The datasheet's way: poll the config register until its bit 15 (OS) reads 1. */
    private void awaitConversion(DataRate dataRate) throws HardwareException {
        long step = dataRate.conversionNanos() / 4;
        long deadline = System.nanoTime() + PATIENCE_IN_CONVERSIONS * dataRate.conversionNanos();
        while (true) {
            byte[] config = device.readRegisters(Ads1115Config.CONFIG_REGISTER, 2);
            if (Ads1115Config.conversionDone((config[0] & 0xFF) << 8 | (config[1] & 0xFF))) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new HardwareException(HardwareException.Kind.BUS_ERROR, String.format(
                        "ADS1115 at 0x%02X on bus %d: conversion not done after %d ms (is it an ADS1115?)",
                        device.address(), device.bus(), PATIENCE_IN_CONVERSIONS * dataRate.conversionNanos() / 1_000_000));
            }
            LockSupport.parkNanos(step);
        }
    }
}
