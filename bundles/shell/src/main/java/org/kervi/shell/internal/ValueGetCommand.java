package org.kervi.shell.internal;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.UnknownIdException;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.Value;

@Service
@Command(scope = "kervi", name = "value-get", description = "Prints a value; with --verbose also its type, role,"
        + " range or options, owner and links")
@Parsing(ValueGetCommand.Parser.class)
public class ValueGetCommand implements Action {
    @Reference
    KerviRegistry registry;

    @Argument(index = 0, name = "id", description = "Value id", required = true)
    @Completion(ValueIdCompleter.class)
    String id;

    @Option(name = "-v", aliases = "--verbose", description = "Show the value's details")
    boolean verbose;

    @Override
    public Object execute() throws Exception {
        ValueEntry entry = registry.value(id).orElseThrow(() -> new UnknownIdException("value", id));
        Value<?> value = entry.value();
        if (!verbose) {
            System.out.println(Display.valueWithUnit(value));
            return null;
        }
        System.out.println("id:        " + value.id());
        System.out.println("name:      " + value.name());
        System.out.println("value:     " + Display.valueWithUnit(value));
        System.out.println("kind:      " + value.kind().label());
        System.out.println("role:      " + value.role().label());
        System.out.println("owner:     " + entry.owner() + (entry.local() ? " (this instance)" : ""));
        if (!entry.componentId().isEmpty()) {
            System.out.println("component: " + entry.componentId());
        }
        value.attributes().forEach((k, v) -> System.out.println(String.format("%-10s %s", k + ":", v)));
        long changed = value.changedAtMillis();
        System.out.println("changed:   " + (changed == 0 ? "never" : Instant.ofEpochMilli(changed).toString()));
        value.links().forEach(l -> System.out.println("follows:   " + l.sourceId()
                + (l.isResolved() ? " (resolved, " + l.sourceOwner() + ")"
                        : l.lastError() == null ? " (unresolved)" : " (unresolved: " + l.lastError() + ")")));
        return null;
    }

    /** Options may follow the id ({@link OptionsAnywhere}). */
    @Service
    public static class Parser extends OptionsAnywhere {
        public Parser() {
            super(ValueGetCommand.class);
        }
    }
}
