package org.kervi.example.greenhouse.actuators;

import org.kervi.api.actions.Action;
import org.kervi.api.components.Controller;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.OnDashboard;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;
import org.kervi.devices.motor.Pca9685;
import org.kervi.devices.motor.ServoSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The greenhouse's climate control: waters when the soil is dry ({@link Watering}, with hysteresis) and vents when
 * hot ({@link Venting}: fan and vent in proportion above a setpoint). Soil moisture and air temperature follow the
 * sensors module's values; the setpoints are inputs an operator changes on the dashboard. Inactive, the pump is off,
 * the fan stands and the vent is closed. The pump relay and the fan are GPIO channels (configuration of the feature)
 * that follow {@code greenhouse.pump} and {@code greenhouse.fan}; the vent's servo (1–2 ms for 0–180°) is driven
 * here through a PCA9685.
 */
@Component(service = KerviComponent.class, configurationPid = ActuatorsConfig.PID)
@Designate(ocd = ActuatorsConfig.class)
public class ClimateController extends Controller {
    private static final Logger LOG = LoggerFactory.getLogger(ClimateController.class);
    private static final String BOARD = "greenhouse";

    final NumberValue soilMoisture = inputs().number("soil_moisture", "Soil moisture").range(0, 100).unit("%")
            .decimals(0);
    final NumberValue airTemperature = inputs().number("air_temperature", "Air temperature").range(-40, 85)
            .unit("°C").decimals(1);
    final NumberValue dryBelow = inputs().number("dry_below", "Water below").range(0, 100).unit("%").decimals(0);
    final NumberValue wetAbove = inputs().number("wet_above", "Stop watering above").range(0, 100).unit("%")
            .decimals(0);
    final NumberValue ventFrom = inputs().number("vent_from", "Vent from").range(0, 50).unit("°C").decimals(0);
    final NumberValue ventFullAt = inputs().number("vent_full_at", "Fully open at").range(0, 50).unit("°C")
            .decimals(0);
    final BooleanValue pump = outputs().bool("pump", "Pump");
    final NumberValue fan = outputs().number("fan", "Fan").range(0, 100).unit("%").decimals(0);
    final NumberValue vent = outputs().number("vent", "Vent").range(0, Venting.OPEN_DEGREES).unit("°").decimals(0);
    final BooleanValue active = outputs().bool("active", "Active");
    private final I2cDevice pca9685;
    private final Pca9685 ventPwm;
    private final int ventChannel;
    /** Whether the servo was moved once: until then it is moved even when the angle did not change. */
    private boolean ventMoved;

    @Activate
    public ClimateController(@Reference Hardware hardware, ActuatorsConfig config) throws HardwareException {
        this(hardware.i2cDevice(config.i2cBus(), config.pca9685Address()), config.ventChannel());
    }

    ClimateController(I2cDevice pca9685, int ventChannel) {
        super("greenhouse", "Greenhouse");
        if (ventChannel < 0 || ventChannel > 15) {
            throw new IllegalArgumentException("vent servo: PCA9685 channel " + ventChannel + " is outside 0-15");
        }
        this.pca9685 = pca9685;
        this.ventPwm = Pca9685.on(pca9685);
        this.ventChannel = ventChannel;
        soilMoisture.linkTo("soil_moisture");
        airTemperature.linkTo("air_temperature");
        dryBelow.set(30.0);
        wetAbove.set(45.0);
        ventFrom.set(26.0);
        ventFullAt.set(32.0);
        pump.set(false);
        fan.set(0.0);
        vent.set(0.0);
        active.set(false);
        for (NumberValue setpoint : new NumberValue[] {dryBelow, wetAbove, ventFrom, ventFullAt}) {
            setpoint.persist();
        }
        pump.linkToDashboard(DashboardLink.of(BOARD, "soil", WidgetType.VALUE).withIcon("droplet").inHeader());
        dryBelow.linkToDashboard(DashboardLink.of(BOARD, "setpoints", WidgetType.SLIDER).withIcon("sliders"));
        wetAbove.linkToDashboard(DashboardLink.of(BOARD, "setpoints", WidgetType.SLIDER).withIcon("sliders"));
        fan.linkToDashboard(DashboardLink.of(BOARD, "climate", WidgetType.GAUGE).withIcon("fan"));
        vent.linkToDashboard(DashboardLink.of(BOARD, "climate", WidgetType.VALUE).withIcon("gauge"));
        ventFrom.linkToDashboard(DashboardLink.of(BOARD, "setpoints", WidgetType.SLIDER).withIcon("thermometer"));
        ventFullAt.linkToDashboard(DashboardLink.of(BOARD, "setpoints", WidgetType.SLIDER).withIcon("thermometer"));
    }

    /** Switches the climate control on or off; off stops the pump and the fan and closes the vent. */
    @Action(name = "Activate")
    @OnDashboard(dashboard = BOARD, panel = "setpoints", widget = WidgetType.SWITCH, state = "greenhouse.active",
            label = "Climate control", icon = "power")
    public boolean activate(boolean on) {
        synchronized (this) {
            active.set(on);
            decide();
            return on;
        }
    }

    @Override
    protected void inputChanged(Value<?> input) {
        synchronized (this) {
            decide();
        }
    }

    @Override
    protected void onExit() {
        synchronized (this) {
            active.set(false);
            decide();
        }
    }

    @Deactivate
    void deactivate() {
        pca9685.close();
    }

    private void decide() {
        boolean on = active.isOn();
        boolean pumpOn = on && soilMoisture.hasFired()
                && Watering.pumpOn(pump.isOn(), soilMoisture.doubleValue(), dryBelow.doubleValue(),
                        wetAbove.doubleValue());
        double share = on && airTemperature.hasFired()
                ? Venting.share(airTemperature.doubleValue(), ventFrom.doubleValue(), ventFullAt.doubleValue())
                : 0;
        apply(pumpOn, Math.round(share * 100), Math.round(share * Venting.OPEN_DEGREES));
    }

    private void apply(boolean pumpOn, double fanPercent, double ventDegrees) {
        pump.set(pumpOn);
        fan.set(fanPercent);
        if (ventMoved && ventDegrees == vent.doubleValue()) {
            return;
        }
        try {
            ventPwm.setPulseWidth(ventChannel, ServoSettings.STANDARD.pulseMicros(ventDegrees));
            vent.set(ventDegrees);
            ventMoved = true;
        } catch (HardwareException e) {
            LOG.warn("greenhouse: the vent did not move ({}); trying again at the next change", e.getMessage());
        }
    }
}
