package org.kervi.devices.environment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The worked example of the BMP280 datasheet (3.12), whose temperature and pressure maths the BME280 shares. */
class Bme280CompensationTest {
    static final Bme280Calibration DATASHEET = new Bme280Calibration(
            27504, 26435, -1000,
            36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000,
            0, 0, 0, 0, 0, 0);
    static final int ADC_T = 519888;
    static final int ADC_P = 415148;
    static final double PASCAL_TOLERANCE = 0.02;

    @Test
    void temperatureOfTheWorkedExample() {
        int fine = Bme280Compensation.fineTemperature(ADC_T, DATASHEET);
        assertEquals(128422, fine);
        assertEquals(2508, Bme280Compensation.centiCelsius(fine));
    }

    /** The example is worked in floating point; the 64-bit integer version lands within 0.02 Pa (steps are 0.16 Pa). */
    @Test
    void pressureOfTheWorkedExample() {
        long q24_8 = Bme280Compensation.pascalQ24_8(ADC_P, 128422, DATASHEET);
        assertEquals(100653.27, q24_8 / 256.0, PASCAL_TOLERANCE);
    }

    @Test
    void humidityStaysWithinZeroToHundredPercent() {
        Bme280Calibration humid = new Bme280Calibration(
                27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000,
                75, 362, 0, 313, 50, 30);
        for (int adcH : new int[] {0, 20000, 40000, 65535}) {
            double percent = Bme280Compensation.humidityQ22_10(adcH, 128422, humid) / 1024.0;
            assertTrue(percent >= 0 && percent <= 100, adcH + " gave " + percent + " %");
        }
    }
}
