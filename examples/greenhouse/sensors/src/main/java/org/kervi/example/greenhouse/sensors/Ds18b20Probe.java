package org.kervi.example.greenhouse.sensors;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.OneWireDevice;

/**
 * A DS18B20 through the kernel's {@code w1_slave} text: the first line ends in {@code YES} when the kernel's CRC
 * check passed, the second carries {@code t=} in thousandths of a degree. A stand-in until the DS18B20 driver of
 * issue #11 is in a bundle of its own.
 */
final class Ds18b20Probe implements SensorDriver {
    private static final Pattern TEMPERATURE = Pattern.compile("t=(-?\\d+)");
    private final OneWireDevice device;

    Ds18b20Probe(OneWireDevice device) {
        this.device = device;
    }

    @Override
    public double read() throws Exception {
        return celsius(device.deviceId(), device.read());
    }

    static double celsius(String deviceId, String text) throws HardwareException {
        String[] lines = text.strip().split("\n");
        if (lines.length < 2 || !lines[0].strip().endsWith("YES")) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR,
                    "DS18B20 " + deviceId + ": CRC check failed or no reading ('" + text.strip() + "')");
        }
        Matcher matcher = TEMPERATURE.matcher(lines[1]);
        if (!matcher.find()) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR,
                    "DS18B20 " + deviceId + ": no t= in '" + lines[1] + "'");
        }
        return Integer.parseInt(matcher.group(1)) / 1000.0;
    }

    @Override
    public String unit() {
        return "°C";
    }

    @Override
    public double min() {
        return -55;
    }

    @Override
    public double max() {
        return 125;
    }

    @Override
    public String type() {
        return "temperature";
    }
}
