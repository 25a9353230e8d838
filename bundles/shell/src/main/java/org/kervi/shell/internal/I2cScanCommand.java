package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.api.hardware.HardwareStatus;
import org.kervi.api.hardware.I2cScan;

@Service
@Command(scope = "kervi", name = "i2c-scan", description = "Probes every address 0x03-0x77 of an I2C bus and draws"
        + " the answers like i2cdetect (UU: held by a driver of this instance); real hardware only")
public class I2cScanCommand implements Action {
    @Reference(optional = true)
    HardwareStatus hardware;

    @Argument(index = 0, name = "bus", description = "I2C bus number (1 for /dev/i2c-1)", required = true)
    @Completion(I2cBusCompleter.class)
    int bus;

    @Override
    public Object execute() throws Exception {
        I2cScan scan = Services.hardware(hardware).scanI2c(bus);
        System.out.println(I2cGrid.render(scan));
        System.out.println(scan.answered().size() + " device(s) answered on bus " + bus
                + (scan.held().isEmpty() ? "" : ", " + scan.held().size() + " held (UU)"));
        return null;
    }
}
