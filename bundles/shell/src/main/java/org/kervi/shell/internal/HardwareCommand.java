package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.hardware.ChannelStatus;
import org.kervi.api.hardware.HardwareStatus;
import org.kervi.api.hardware.IoInUse;

@Service
@Command(scope = "kervi", name = "hardware", description = "Shows the hardware platform and its providers, the pins"
        + " and bus devices held (state, by which channel or driver) and the GPIO channels with their errors")
public class HardwareCommand implements Action {
    @Reference(optional = true)
    HardwareStatus hardware;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        HardwareStatus hardware = Services.hardware(this.hardware);
        System.out.println("platform:  " + hardware.platform());
        System.out.println("providers: " + String.join(", ", hardware.providers()));
        System.out.println();
        System.out.println("Pins and buses in use");
        ShellTable pins = new ShellTable().emptyTableText("none");
        pins.column("Address");
        pins.column("Kind");
        pins.column("State");
        pins.column("User");
        for (IoInUse io : hardware.inUse()) {
            pins.addRow().addContent(io.address(), io.kind(), io.state(), io.user());
        }
        pins.print(System.out, !noFormat);
        System.out.println();
        System.out.println("GPIO channels (pid org.kervi.gpio.channel)");
        ShellTable channels = new ShellTable().emptyTableText("none configured");
        channels.column("Channel");
        channels.column("Kind");
        channels.column("Address");
        channels.column("State");
        channels.column("Error");
        for (ChannelStatus c : hardware.channels()) {
            channels.addRow().addContent(c.id(), c.kind(), c.address(), c.state().name().toLowerCase(), c.error());
        }
        channels.print(System.out, !noFormat);
        return null;
    }
}
