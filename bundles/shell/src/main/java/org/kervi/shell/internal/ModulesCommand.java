package org.kervi.shell.internal;

import java.time.Duration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.status.ModuleStatus;
import org.kervi.api.status.ApplicationModules;

@Service
@Command(scope = "kervi", name = "modules", description = "Lists the application's modules: instance, state, pid,"
        + " uptime, restarts and errors (kervi:module-info NAME for one module's last exit and log)")
public class ModulesCommand implements Action {
    @Reference(optional = true)
    ApplicationModules modules;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        ApplicationModules modules = Services.modules(this.modules);
        ShellTable table = new ShellTable().emptyTableText("no modules (set 'modules' in the org.kervi.app pid)");
        table.column("Module");
        table.column("Instance");
        table.column("State");
        table.column("Pid").alignRight();
        table.column("Uptime").alignRight();
        table.column("Restarts").alignRight();
        table.column("SSH").alignRight();
        table.column("Features");
        table.column("Error");
        for (ModuleStatus m : modules.modules()) {
            table.addRow().addContent(m.name(), m.instance(), m.state().key(), m.pid() > 0 ? m.pid() : "",
                    m.uptimeMillis() > 0 ? uptime(Duration.ofMillis(m.uptimeMillis())) : "", m.restarts(),
                    m.sshPort() > 0 ? m.sshPort() : "", String.join(",", m.features()), m.error());
        }
        table.print(System.out, !noFormat);
        return null;
    }

    static String uptime(Duration d) {
        if (d.toHours() > 0) {
            return d.toHours() + "h" + d.toMinutesPart() + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m" + d.toSecondsPart() + "s";
        }
        return d.toSeconds() + "s";
    }
}
