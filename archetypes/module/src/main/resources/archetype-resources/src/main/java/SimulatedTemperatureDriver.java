package ${package};

import org.kervi.api.values.NumberValue;

/**
 * A thermometer without hardware: it reads whatever the standalone value {@code ${moduleId}_temperature.simulated}
 * holds, so a test, the shell ({@code kervi:value-set ${moduleId}_temperature.simulated 18}) or the dashboard can
 * steer it.
 */
public final class SimulatedTemperatureDriver implements TemperatureDriver {
    final NumberValue simulated = new NumberValue("${moduleId}_temperature.simulated", "Simulated temperature")
            .range(-40, 85).unit("°C").decimals(1);

    public SimulatedTemperatureDriver(double initialCelsius) {
        simulated.set(initialCelsius);
    }

    @Override
    public double read() {
        return simulated.doubleValue();
    }
}
