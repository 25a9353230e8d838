package ${package};

import org.kervi.api.components.SensorDriver;

/**
 * What the module's sensor reads: an air temperature in °C. The simulated driver implements it; a driver for a
 * real chip (a BME280 or DS18B20 from the kervi-devices-environment feature, say) would implement it too.
 */
public interface TemperatureDriver extends SensorDriver {

    @Override
    default String unit() {
        return "°C";
    }

    @Override
    default String type() {
        return "temperature";
    }

    @Override
    default double min() {
        return -40;
    }

    @Override
    default double max() {
        return 85;
    }
}
