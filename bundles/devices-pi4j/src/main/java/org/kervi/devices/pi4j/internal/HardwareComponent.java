package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import java.nio.file.Path;
import java.util.List;
import org.kervi.api.hardware.DigitalInput;
import org.kervi.api.hardware.DigitalOutput;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.api.hardware.OneWireDevice;
import org.kervi.api.hardware.Pull;
import org.kervi.api.hardware.PwmOutput;
import org.kervi.api.hardware.SpiDevice;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns this instance's one Pi4J context: built on activation, shut down (pins released) on deactivation. Immediate, so
 * a platform that cannot start shows in the log at once rather than when the first driver arrives. Bundles get it as
 * the {@link Hardware} service through {@link BundleHardware}, which notes who opened what.
 */
@Component(service = Pi4jPlatform.class, configurationPid = HardwareComponent.PID, immediate = true)
@Designate(ocd = HardwareConfig.class)
public final class HardwareComponent implements Hardware, Pi4jPlatform {
    static final String PID = "org.kervi.hardware";
    private static final Logger LOG = LoggerFactory.getLogger(HardwareComponent.class);

    private final Context context;
    private final CheckedHardware hardware;
    private final IoOwners owners = new IoOwners();

    @Activate
    public HardwareComponent(HardwareConfig config) {
        PlatformChoice choice = PlatformChoice.parse(config.platform());
        ProviderChecks checks = ProviderChecks.machine();
        PlatformChoice platform = choose(choice, checks.board());
        Pi4jSetup setup = Pi4jContexts.create(platform, checks);
        this.context = setup.context();
        this.hardware = new CheckedHardware(
                new Pi4jHardware(context, platform.configName(), Path.of(config.oneWireDevices())), setup.providers());
        LOG.info("hardware platform {} (configured: {})", platform.configName(), choice.configName());
        for (ProviderStatus provider : setup.providers()) {
            if (provider.available()) {
                LOG.debug("{}", provider.describe());
            } else {
                LOG.error("{}", provider.describe());
            }
        }
    }

    /** {@code auto} becomes what the board offers; a fallback to mock is one warning that says why. */
    private static PlatformChoice choose(PlatformChoice choice, BoardSurvey board) {
        if (choice != PlatformChoice.AUTO) {
            return choice;
        }
        PlatformDetection detection = PlatformDetection.of(board);
        if (detection.fellBack()) {
            LOG.warn("{}", detection.reason());
        } else {
            LOG.info("{}", detection.reason());
        }
        return detection.platform();
    }

    @Override
    public List<ProviderStatus> providers() {
        return hardware.providers();
    }

    @Deactivate
    void deactivate() {
        context.shutdown();
    }

    @Override
    public String platform() {
        return hardware.platform();
    }

    @Override
    public Context context() {
        return context;
    }

    @Override
    public Hardware hardware() {
        return this;
    }

    @Override
    public IoOwners owners() {
        return owners;
    }

    @Override
    public DigitalInput digitalInput(int pin, Pull pull) throws HardwareException {
        return hardware.digitalInput(pin, pull);
    }

    @Override
    public DigitalOutput digitalOutput(int pin, boolean initialHigh) throws HardwareException {
        return hardware.digitalOutput(pin, initialHigh);
    }

    @Override
    public DigitalInput digitalInput(int pin) throws HardwareException {
        return hardware.digitalInput(pin);
    }

    @Override
    public DigitalOutput digitalOutput(int pin) throws HardwareException {
        return hardware.digitalOutput(pin);
    }

    @Override
    public PwmOutput pwmOutput(int channel) throws HardwareException {
        return hardware.pwmOutput(channel);
    }

    @Override
    public I2cDevice i2cDevice(int bus, int address) throws HardwareException {
        return hardware.i2cDevice(bus, address);
    }

    @Override
    public SpiDevice spiDevice(int bus, int chipSelect) throws HardwareException {
        return hardware.spiDevice(bus, chipSelect);
    }

    @Override
    public OneWireDevice oneWireDevice(String deviceId) throws HardwareException {
        return hardware.oneWireDevice(deviceId);
    }
}
