package org.kervi.bench.hardware;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.environment.Bme280;
import org.kervi.devices.pi4j.mock.MockHardware;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One BME280 poll on Pi4J's mock I2C provider through the {@code Hardware} api, as a {@code Sensor} polls its
 * {@link SensorDriver}. The mock's registers are FIFOs, so every operation first queues the 8 measurement bytes
 * (0xF7..0xFE) the read will take; the baseline does the same queueing and the bare 8-byte register read, so the
 * ratio is the driver's own cost (burst decoding, datasheet compensation of all three quantities) on top of the bus.
 * The chip id and calibration are read once, in the set-up, as a running sensor has them after its first poll.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Bme280Poll {
    static final int DATA = 0xF7;
    /** adc_P = 415148, adc_T = 519888 (the BMP280 datasheet's example), adc_H = 0x8000. */
    static final byte[] MEASUREMENT = {
        (byte) 0x65, (byte) 0x5A, (byte) 0xC0, (byte) 0x7E, (byte) 0xED, (byte) 0x00, (byte) 0x80, (byte) 0x00};

    private Path oneWire;
    private MockHardware mock;
    private I2cDevice chip;
    private SensorDriver temperature;
    private SensorDriver pressure;
    private SensorDriver humidity;
    private final SensorDriver constant = new ConstantDriver(25.08);

    @Setup(Level.Trial)
    public void openChip() throws Exception {
        oneWire = Files.createTempDirectory("bench-w1");
        mock = MockHardware.create(oneWire);
        chip = mock.hardware().i2cDevice(1, Bme280.ADDRESS);
        Bme280 bme280 = Bme280.on(chip);
        temperature = bme280.temperature();
        pressure = bme280.pressure();
        humidity = bme280.humidity();
        Bme280SetUpBytes.queue(chip);
        chip.writeRegisters(DATA, MEASUREMENT);
        if (Math.abs(temperature.read() - 25.08) > 1e-9) {
            throw new IllegalStateException("the mock chip does not read the datasheet's 25.08 °C");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        mock.close();
        Files.deleteIfExists(oneWire);
    }

    /** Baseline: the same bytes through the same mock provider, no driver. */
    @Benchmark
    public byte[] bareBurstRead() throws HardwareException {
        chip.writeRegisters(DATA, MEASUREMENT);
        return chip.readRegisters(DATA, MEASUREMENT.length);
    }

    /** One sensor's poll: one burst, all three quantities compensated, one returned. */
    @Benchmark
    public double temperaturePoll() throws Exception {
        chip.writeRegisters(DATA, MEASUREMENT);
        return temperature.read();
    }

    /** Three sensors (temperature, pressure, humidity) polled: one burst each. */
    @Benchmark
    public double threeSensorsPoll() throws Exception {
        chip.writeRegisters(DATA, MEASUREMENT);
        double t = temperature.read();
        chip.writeRegisters(DATA, MEASUREMENT);
        double p = pressure.read();
        chip.writeRegisters(DATA, MEASUREMENT);
        return t + p + humidity.read();
    }

    /** The floor: a driver returning a constant. */
    @Benchmark
    public double constantDriver() throws Exception {
        return constant.read();
    }
}
