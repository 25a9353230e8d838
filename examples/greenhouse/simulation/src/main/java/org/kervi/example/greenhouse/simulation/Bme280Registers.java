package org.kervi.example.greenhouse.simulation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.kervi.api.components.SensorDriver;
import org.kervi.devices.environment.Bme280;

/**
 * The bytes a simulated BME280 answers: chip id, a fixed calibration (the BMP280 datasheet's worked example for
 * temperature and pressure, a typical chip's humidity trimming) and the raw ADC values that the real driver turns
 * into the wanted temperature, humidity and pressure. The raw values are found by bisection on the driver itself, so
 * the simulation inverts exactly the compensation the sensors module runs.
 */
final class Bme280Registers {
    static final int CHIP_ID_REGISTER = 0xD0;
    static final byte[] CHIP_ID = {0x60};
    static final int CALIBRATION_1 = 0x88;
    static final int CALIBRATION_2 = 0xE1;
    static final int DATA = 0xF7;
    private static final int T1 = 27504;
    private static final int T2 = 26435;
    private static final int T3 = -1000;
    private static final int[] P = {36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000};
    private static final int H1 = 75;
    private static final int H2 = 362;
    private static final int H3 = 0;
    private static final int H4 = 313;
    private static final int H5 = 50;
    private static final int H6 = 30;

    private final RegisterImage image = new RegisterImage();
    private final SensorDriver temperature;
    private final SensorDriver humidity;
    private final SensorDriver pressure;

    Bme280Registers() {
        image.put(CHIP_ID_REGISTER, CHIP_ID);
        image.put(CALIBRATION_1, calibration1());
        image.put(CALIBRATION_2, calibration2());
        Bme280 bme280 = Bme280.on(image.device());
        temperature = bme280.temperature();
        humidity = bme280.humidity();
        pressure = bme280.pressure();
    }

    static byte[] calibration1() {
        ByteBuffer block = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        block.putShort((short) T1).putShort((short) T2).putShort((short) T3);
        for (int p : P) {
            block.putShort((short) p);
        }
        block.put((byte) 0).put((byte) H1);
        return block.array();
    }

    static byte[] calibration2() {
        return new byte[] {(byte) H2, (byte) (H2 >> 8), (byte) H3, (byte) (H4 >> 4),
            (byte) ((H4 & 0x0F) | (H5 & 0x0F) << 4), (byte) (H5 >> 4), (byte) H6};
    }

    /** The 8 data bytes (0xF7..0xFE) for which the driver reads these three quantities. */
    byte[] data(double celsius, double percentHumidity, double hectopascal) throws Exception {
        int adcT = bisect(0, (1 << 20) - 1, adc -> read(temperature, adc, 0x80000, 0x8000), celsius, true);
        int adcH = bisect(0, 0xFFFF, adc -> read(humidity, adcT, 0x80000, adc), percentHumidity, true);
        int adcP = bisect(0, (1 << 20) - 1, adc -> read(pressure, adcT, adc, adcH), hectopascal, false);
        return bytes(adcT, adcP, adcH);
    }

    @FunctionalInterface
    private interface Reading {
        double at(int adc) throws Exception;
    }

    /** The smallest (rising) or largest (falling) raw value whose reading reaches {@code wanted}. */
    private static int bisect(int low, int high, Reading reading, double wanted, boolean rising) throws Exception {
        while (low < high) {
            int middle = (low + high) >>> 1;
            double got = reading.at(middle);
            if (rising ? got < wanted : got > wanted) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private double read(SensorDriver quantity, int adcT, int adcP, int adcH) throws Exception {
        image.put(DATA, bytes(adcT, adcP, adcH));
        return quantity.read();
    }

    private static byte[] bytes(int adcT, int adcP, int adcH) {
        return new byte[] {(byte) (adcP >> 12), (byte) (adcP >> 4), (byte) (adcP << 4),
            (byte) (adcT >> 12), (byte) (adcT >> 4), (byte) (adcT << 4), (byte) (adcH >> 8), (byte) adcH};
    }
}
