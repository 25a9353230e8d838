package org.kervi.shell.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the I2C bus numbers the kernel offers ({@code /dev/i2c-N}). */
@Service
public class I2cBusCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        try (DirectoryStream<Path> buses = Files.newDirectoryStream(Path.of("/dev"), "i2c-*")) {
            buses.forEach(bus -> delegate.getStrings().add(bus.getFileName().toString().substring("i2c-".length())));
        } catch (IOException | RuntimeException noDevices) {
            return -1;
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
