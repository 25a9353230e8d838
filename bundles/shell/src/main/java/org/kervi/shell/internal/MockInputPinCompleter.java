package org.kervi.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.kervi.api.hardware.HardwareStatus;

/** Completes the GPIO numbers of the digital inputs held on the mock platform. */
@Service
public class MockInputPinCompleter implements Completer {
    @Reference(optional = true)
    HardwareStatus hardware;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (hardware == null || !"mock".equals(hardware.platform())) {
            return -1;
        }
        StringsCompleter delegate = new StringsCompleter();
        hardware.inUse().stream().filter(io -> io.kind().equals("digital-input") && io.address().startsWith("gpio "))
                .forEach(io -> delegate.getStrings().add(io.address().substring("gpio ".length())));
        return delegate.complete(session, commandLine, candidates);
    }
}
