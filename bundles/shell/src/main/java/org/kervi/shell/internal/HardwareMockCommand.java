package org.kervi.shell.internal;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.kervi.api.hardware.MockPins;

@Service
@Command(scope = "kervi", name = "hardware-mock", description = "Mock platform only: drives a held mock digital"
        + " input high or low, as a button or a wire would (never touches real hardware)")
public class HardwareMockCommand implements Action {
    @Reference(optional = true)
    MockPins pins;

    @Argument(index = 0, name = "pin", description = "BCM number of a digital input held on the mock platform",
            required = true)
    @Completion(MockInputPinCompleter.class)
    int pin;

    @Argument(index = 1, name = "level", description = "high or low", required = true)
    @Completion(value = StringsCompleter.class, values = {"high", "low"})
    String level;

    @Override
    public Object execute() throws Exception {
        boolean high = switch (level.trim().toLowerCase(Locale.ROOT)) {
            case "high", "1", "true", "on" -> true;
            case "low", "0", "false", "off" -> false;
            default -> throw new IllegalArgumentException("level '" + level + "' is not high or low");
        };
        Services.mockPins(pins).setInput(pin, high);
        System.out.println("mock gpio " + pin + " = " + (high ? "high" : "low"));
        return null;
    }
}
