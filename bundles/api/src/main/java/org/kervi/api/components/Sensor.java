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
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.ValueRole;

/**
 * Polls a {@link SensorDriver} at an interval on the runtime's shared scheduler and publishes each reading. A
 * one-dimension sensor has one value whose id is the sensor id; a multi-dimension sensor has one value per
 * dimension, {@code <sensor>.<dimension>}. A driver that fails is polled again with back-off (see
 * {@link PollBackoff}) and its failure is the sensor's {@link #lastError()}; the first good reading resets both.
 */
public class Sensor extends KerviComponent {
    private static final Logger LOG = System.getLogger(Sensor.class.getName());
    private final SensorDriver driver;
    private final List<NumberValue> dimensionValues = new ArrayList<>();
    private volatile Duration pollInterval = Duration.ofSeconds(1);
    private ScheduledFuture<?> nextPoll;
    private boolean polling;
    private volatile String lastError;
    private volatile long readings;
    private volatile int failuresInARow;

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
        value.sensorType(driver.type());
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

    /**
     * The last driver failure, cleared by the next good reading: {@code KIND: message} for a
     * {@link HardwareException} ({@code WRONG_CHIP: ...}), else the exception's simple class name and message.
     */
    @Override
    public String lastError() {
        return lastError;
    }

    /** Failed reads since the last good one. */
    public int failuresInARow() {
        return failuresInARow;
    }

    /** The delay before the next poll: the interval, or longer while the driver keeps failing. */
    public Duration nextPollDelay() {
        return PollBackoff.delay(pollInterval, failuresInARow);
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
            if (lastError != null) {
                LOG.log(Level.INFO, "sensor " + id() + " reads again after " + failuresInARow + " failures");
            }
            lastError = null;
            failuresInARow = 0;
        } catch (Exception e) {
            String message = describe(e);
            failuresInARow++;
            if (!message.equals(lastError)) {
                LOG.log(Level.WARNING, "sensor " + id() + " failed to read (polled again in "
                        + nextPollDelay().toMillis() + " ms, longer while it fails): " + message);
            }
            lastError = message;
        }
    }

    private static String describe(Exception e) {
        if (e instanceof HardwareException hardware) {
            return hardware.kind() + ": " + hardware.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void pollAndScheduleNext() {
        try {
            poll();
        } finally {
            scheduleNext(nextPollDelay());
        }
    }

    private synchronized void scheduleNext(Duration delay) {
        if (polling) {
            nextPoll = context().scheduler().schedule(this::pollAndScheduleNext, delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    void beforeStart() {
        polling = true;
        scheduleNext(Duration.ZERO);
    }

    @Override
    void afterExit() {
        polling = false;
        if (nextPoll != null) {
            nextPoll.cancel(false);
            nextPoll = null;
        }
    }
}
