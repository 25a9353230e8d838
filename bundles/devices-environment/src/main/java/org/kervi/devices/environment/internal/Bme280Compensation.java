package org.kervi.devices.environment.internal;

/**
 * The datasheet's integer compensation (BME280 datasheet 4.2.3 / 8.2; the same for temperature and pressure as the
 * BMP280's 3.11.3), kept in the datasheet's own integer widths so that results match it to the last bit.
 */
public final class Bme280Compensation {
    private Bme280Compensation() {}

    /** The fine temperature that pressure and humidity compensation take. */
    public static int fineTemperature(int adcT, Bme280Calibration c) {
        int var1 = (((adcT >> 3) - (c.t1() << 1)) * c.t2()) >> 11;
        int delta = (adcT >> 4) - c.t1();
        int var2 = (((delta * delta) >> 12) * c.t3()) >> 14;
        return var1 + var2;
    }

    /** Hundredths of a degree Celsius. */
    public static int centiCelsius(int fineTemperature) {
        return (fineTemperature * 5 + 128) >> 8;
    }

    /** Pascal in Q24.8 (divide by 256); 0 when the calibration would divide by zero. */
    public static long pascalQ24_8(int adcP, int fineTemperature, Bme280Calibration c) {
        long var1 = (long) fineTemperature - 128000;
        long var2 = var1 * var1 * c.p6();
        var2 = var2 + ((var1 * c.p5()) << 17);
        var2 = var2 + (((long) c.p4()) << 35);
        var1 = ((var1 * var1 * c.p3()) >> 8) + ((var1 * c.p2()) << 12);
        var1 = ((((1L) << 47) + var1) * c.p1()) >> 33;
        if (var1 == 0) {
            return 0;
        }
        long p = 1048576 - adcP;
        p = (((p << 31) - var2) * 3125) / var1;
        var1 = (((long) c.p9()) * (p >> 13) * (p >> 13)) >> 25;
        var2 = (((long) c.p8()) * p) >> 19;
        return ((p + var1 + var2) >> 8) + (((long) c.p7()) << 4);
    }

    /** Relative humidity in percent, Q22.10 (divide by 1024), 0–100 %. */
    public static int humidityQ22_10(int adcH, int fineTemperature, Bme280Calibration c) {
        int v = fineTemperature - 76800;
        v = (((((adcH << 14) - (c.h4() << 20) - (c.h5() * v)) + 16384) >> 15)
                * (((((((v * c.h6()) >> 10) * (((v * c.h3()) >> 11) + 32768)) >> 10) + 2097152) * c.h2() + 8192)
                        >> 14));
        v = v - (((((v >> 15) * (v >> 15)) >> 7) * c.h1()) >> 4);
        v = Math.max(0, Math.min(419430400, v));
        return v >> 12;
    }
}
