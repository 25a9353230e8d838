package org.kervi.api.components;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.kervi.api.Ids;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.ValueRole;

/**
 * Polls a {@link SensorDriver} at an interval on the runtime's shared scheduler and publishes each reading. A
 * one-dimension sensor has one value whose id is the sensor id; a multi-dimension sensor has one value per
 * dimension, {@code <sensor>.<dimension>}.
 */
public class Sensor extends KerviComponent {
    private static final Logger LOG = System.getLogger(Sensor.class.getName());
    private final SensorDriver driver;
    private final List<NumberValue> dimensionValues = new ArrayList<>();
    private volatile Duration pollInterval = Duration.ofSeconds(1);
    private volatile ScheduledFuture<?> polling;
    private volatile String lastError;
    private volatile long readings;

    public Sensor(String id, String name, SensorDriver driver) {
        super(id, name);
        this.driver = Objects.requireNonNull(driver, "driver");
        List<String> dimensions = driver.dimensions();
        if (dimensions.isEmpty()) {
            dimensionValues.add(newValue(id, name));
        } else {
            for (String dimension : dimensions) {
                dimensionValues.add(newValue(Ids.join(id, Ids.requireValid(dimension, "dimension")),
                        name + " " + dimension));
            }
        }
    }

    private NumberValue newValue(String valueId, String label) {
        NumberValue value = new NumberValue(valueId, label).unit(driver.unit());
        if (driver.min() <= driver.max() && !(Double.isInfinite(driver.min()) && Double.isInfinite(driver.max()))) {
            value.range(driver.min(), driver.max());
        }
        value.role(ValueRole.SENSOR);
        return addValue(value);
    }

    @Override
    public String type() {
        return "sensor";
    }

    public SensorDriver driver() {
        return driver;
    }

    /** The value of a one-dimension sensor, or the first dimension's. */
    public NumberValue value() {
        return dimensionValues.get(0);
    }

    /** The value of one dimension. */
    public NumberValue value(String dimension) {
        String wanted = Ids.join(id(), dimension);
        return dimensionValues.stream().filter(v -> v.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id() + " has no dimension '" + dimension + "'"));
    }

    public List<NumberValue> dimensionValues() {
        return List.copyOf(dimensionValues);
    }

    public Sensor pollInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(id() + ": poll interval must be positive");
        }
        this.pollInterval = interval;
        return this;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    /** Shows every dimension of this sensor on a dashboard. */
    @Override
    public Sensor linkToDashboard(DashboardLink link) {
        dimensionValues.forEach(v -> v.linkToDashboard(link));
        return this;
    }

    /** The last driver failure, cleared by the next good reading. */
    public String lastError() {
        return lastError;
    }

    public long readings() {
        return readings;
    }

    /** Reads the driver once and publishes the readings; a failure is kept in {@link #lastError()}. */
    public void poll() {
        try {
            double[] values = driver.readDimensions();
            if (values.length != dimensionValues.size()) {
                throw new IllegalStateException("driver returned " + values.length + " readings for "
                        + dimensionValues.size() + " dimensions");
            }
            for (int i = 0; i < values.length; i++) {
                dimensionValues.get(i).set(values[i]);
            }
            readings++;
            lastError = null;
        } catch (Exception e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!message.equals(lastError)) {
                LOG.log(Level.WARNING, "sensor " + id() + " failed to read: " + message);
            }
            lastError = message;
        }
    }

    @Override
    void beforeStart() {
        long millis = pollInterval.toMillis();
        polling = context().scheduler().scheduleWithFixedDelay(this::poll, 0, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    void afterExit() {
        ScheduledFuture<?> current = polling;
        if (current != null) {
            current.cancel(false);
            polling = null;
        }
    }
}
