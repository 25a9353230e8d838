package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kervi.api.hardware.ChannelState;
import org.kervi.api.hardware.ChannelStatus;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.HardwareStatus;
import org.kervi.api.hardware.I2cScan;
import org.kervi.api.hardware.IoInUse;
import org.kervi.api.hardware.MockPins;
import org.kervi.devices.pi4j.internal.channels.ChannelHandle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The hardware's state for the shell, and the mock platform's input pins moved from outside. */
@Component(service = {HardwareStatus.class, MockPins.class})
public final class HardwareStatusComponent implements HardwareStatus, MockPins {
    private final Pi4jPlatform platform;
    private final List<ChannelHandle> channels = new CopyOnWriteArrayList<>();

    @Activate
    public HardwareStatusComponent(@Reference Pi4jPlatform platform) {
        this.platform = platform;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(ChannelHandle channel) {
        channels.add(channel);
    }

    void removeChannel(ChannelHandle channel) {
        channels.remove(channel);
    }

    @Override
    public String platform() {
        return platform.platform();
    }

    @Override
    public List<String> providers() {
        return platform.providers().stream().map(ProviderStatus::describe).toList();
    }

    @Override
    public List<IoInUse> inUse() {
        List<ChannelStatus> active = channels().stream().filter(c -> c.state() == ChannelState.ACTIVE).toList();
        List<IoInUse> result = new ArrayList<>();
        for (IO<?, ?, ?> io : platform.context().registry().all().values()) {
            String address = IoDescriptions.address(io);
            String user = active.stream().filter(c -> c.address().equals(address)).map(c -> "channel " + c.id())
                    .findFirst().orElseGet(() -> platform.owners().ownerOf(address).orElse("a driver"));
            result.add(new IoInUse(address, IoDescriptions.kind(io), IoDescriptions.state(io), user));
        }
        result.sort(Comparator.comparing(IoInUse::address));
        return result;
    }

    @Override
    public List<ChannelStatus> channels() {
        return channels.stream().map(ChannelHandle::status).sorted(Comparator.comparing(ChannelStatus::id)).toList();
    }

    @Override
    public I2cScan scanI2c(int bus) throws HardwareException {
        return I2cScanner.scan(platform.context(), platform.platform(), bus);
    }

    @Override
    public void setInput(int pin, boolean high) throws HardwareException {
        if (!PlatformChoice.MOCK.configName().equals(platform.platform())) {
            throw new HardwareException(HardwareException.Kind.UNAVAILABLE, "the platform is "
                    + platform.platform() + ": mock pins can be moved only on the mock platform");
        }
        Context context = platform.context();
        for (DigitalInput input : context.registry().allByType(DigitalInput.class).values()) {
            if (input.address().intValue() == pin && input instanceof MockDigitalInput mock) {
                mock.mockState(DigitalState.getState(high));
                return;
            }
        }
        throw new HardwareException(HardwareException.Kind.UNAVAILABLE, "no digital input is held on gpio " + pin
                + ": declare one (org.kervi.gpio.channel, kind = digital-input) or start the driver that uses it");
    }
}
