package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.api.runtime.KerviRegistry;

@Service
@Command(scope = "kervi", name = "value-set", description = "Sets an input or standalone value, checking its type and"
        + " range; a remote value is set in its owner instance")
public class ValueSetCommand implements Action {
    private static final long TIMEOUT_MILLIS = 10_000;

    @Reference
    KerviRegistry registry;

    @Argument(index = 0, name = "id", description = "Value id", required = true)
    @Completion(WritableValueIdCompleter.class)
    String id;

    @Argument(index = 1, name = "value", description = "New value: a number, true/false, text, an option key,"
            + " an ISO-8601 date-time or #rrggbb", required = true)
    String value;

    @Override
    public Object execute() throws Exception {
        Display.await(registry.setValue(id, value), TIMEOUT_MILLIS);
        System.out.println(id + " = " + registry.value(id).map(e -> Display.valueWithUnit(e.value())).orElse(value));
        return null;
    }
}
