package org.kervi.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.api.runtime.ModuleState;
import org.kervi.api.status.ModuleExit;
import org.kervi.api.status.ModuleStatus;
import org.kervi.api.status.ApplicationModules;

@Service
@Command(scope = "kervi", name = "module-info", description = "Shows one module: state, pid, heartbeat, restarts,"
        + " back-off, the reason its instance last ended and the last lines of its log, the values kept for it")
public class ModuleInfoCommand implements Action {
    @Reference(optional = true)
    ApplicationModules modules;

    @Argument(index = 0, name = "module", description = "Module name", required = true)
    @Completion(ModuleNameCompleter.class)
    String name;

    @Option(name = "-n", aliases = "--lines", description = "How many of the last log lines to show (default 10)")
    int lines = 10;

    @Override
    public Object execute() {
        ApplicationModules modules = Services.modules(this.modules);
        ModuleStatus m = modules.modules().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown module '" + name + "'; modules are "
                        + modules.modules().stream().map(ModuleStatus::name).toList()));
        print("module", m.name());
        print("state", m.state().key());
        print("features", String.join(", ", m.features()));
        print("pid", m.pid() > 0 ? Integer.toString(m.pid()) : "-");
        print("uptime", m.uptimeMillis() > 0 ? ModulesCommand.uptime(Duration.ofMillis(m.uptimeMillis())) : "-");
        if (m.heartbeatAgeMillis() >= 0) {
            print("heartbeat", "last answer " + seconds(m.heartbeatAgeMillis()) + " ago");
        }
        print("restarts", Integer.toString(m.restarts()));
        print("back-off", m.backoffSeconds() + " s"
                + (m.nextAttemptInMillis() >= 0 ? ", next attempt in " + seconds(m.nextAttemptInMillis()) : ""));
        if (m.sshPort() > 0) {
            print("ssh", "127.0.0.1:" + m.sshPort() + " (instance:connect " + m.instance() + ")");
        }
        if (!m.error().isEmpty()) {
            print("error", m.error());
        }
        ModuleExit exit = m.lastExit();
        if (exit == null) {
            print("last exit", "none");
        } else {
            print("last exit", exit.reason() + " (" + Instant.ofEpochMilli(exit.atMillis()) + ")");
            if (!exit.logCopy().isEmpty()) {
                print("its log", exit.logCopy());
            }
            if (exit.logLines().isEmpty()) {
                System.out.println("  (no log lines: the JVM ended before Karaf wrote its log; check the module's"
                        + " javaOpts and features in the org.kervi.app pid)");
            } else {
                System.out.println("last log lines:");
                exit.logLines().subList(Math.max(0, exit.logLines().size() - Math.max(1, lines)),
                        exit.logLines().size()).forEach(l -> System.out.println("  " + l));
            }
        }
        Map<String, Object> kept = m.state() == ModuleState.INVALID ? Map.of() : modules.persistedValues(name);
        if (!kept.isEmpty()) {
            System.out.println("persisted values (restored after a restart):");
            kept.forEach((id, value) -> System.out.println("  " + id + " = " + value));
        }
        return null;
    }

    private static void print(String key, String value) {
        System.out.println(String.format("%-10s %s", key + ":", value));
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
