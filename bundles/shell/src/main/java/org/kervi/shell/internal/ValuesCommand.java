package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.ValueEntry;

@Service
@Command(scope = "kervi", name = "values", description = "Lists the values of the whole application (every"
        + " instance) with their current value and unit, owner instance, sensor type, and 'hidden' for a value the"
        + " dashboard does not show")
@Parsing(ValuesCommand.Parser.class)
public class ValuesCommand implements Action {
    @Reference
    KerviRegistry registry;

    @Argument(index = 0, name = "prefix", description = "Only ids starting with this", required = false)
    @Completion(ValueIdCompleter.class)
    String prefix;

    @Option(name = "-l", aliases = "--local", description = "Only the values of this instance")
    boolean localOnly;

    @Option(name = "--no-format", description = "Plain output for scripts (tab-separated)")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable().emptyTableText("no values");
        table.column("Id");
        table.column("Kind");
        table.column("Role");
        table.column("Value").alignRight();
        table.column("Owner");
        table.column("Name");
        table.column("Type");
        table.column("Dashboard");
        IdFilter filter = new IdFilter(prefix, localOnly);
        for (ValueEntry e : registry.values()) {
            if (filter.accepts(e.id(), e.local())) {
                table.addRow().addContent(e.id(), e.value().kind().label(), e.value().role().label(),
                        Display.valueWithUnit(e.value()), e.owner(), e.value().name(), e.value().sensorType(),
                        Display.shown(e.value().isVisible()));
            }
        }
        table.print(System.out, !noFormat);
        return null;
    }

    /** Options may follow the prefix ({@link OptionsAnywhere}). */
    @Service
    public static class Parser extends OptionsAnywhere {
        public Parser() {
            super(ValuesCommand.class);
        }
    }
}
