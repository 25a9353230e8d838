package org.kervi.shell.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.actions.ActionService;

@Service
@Command(scope = "kervi", name = "action", description = "Runs an action by id with arguments and prints its result"
        + " (with the action's unit and decimals) or its error; with --async, starts it and prints its run id")
@Parsing(ActionCommand.Parser.class)
public class ActionCommand implements Action {
    @Reference
    ActionService actions;

    @Argument(index = 0, name = "id", description = "Action id", required = true)
    @Completion(ActionIdCompleter.class)
    String id;

    @Argument(index = 1, name = "args", description = "Arguments: true/false, numbers, text, JSON for structured"
            + " parameters", required = false, multiValued = true)
    List<String> args;

    @Option(name = "-t", aliases = "--timeout", description = "Timeout in milliseconds (default: the action's own)")
    long timeoutMillis;

    @Option(name = "-a", aliases = "--async", description = "Start the action and print its run id at once, without"
            + " waiting for its result (kervi:action-interrupt takes the run id; kervi:actions shows its state)")
    boolean async;

    @Override
    public Object execute() throws Exception {
        Duration timeout = timeoutMillis > 0 ? Duration.ofMillis(timeoutMillis) : null;
        if (async) {
            ActionRun run = actions.start(id, args == null ? List.of() : args, timeout);
            if (run.result().isCompletedExceptionally()) {
                Display.await(run.result(), 0);
            }
            System.out.println(run.runId());
            return null;
        }
        Optional<ActionInfo> action = actions.action(id);
        long wait = timeout != null ? timeoutMillis : action.map(a -> a.timeout().toMillis()).orElse(10_000L);
        Object result = Display.await(actions.call(id, args == null ? List.of() : args, timeout), wait + 1_000);
        System.out.println(Display.result(result, action));
        return null;
    }

    /** Options may follow the id and arguments ({@link OptionsAnywhere}). */
    @Service
    public static class Parser extends OptionsAnywhere {
        public Parser() {
            super(ActionCommand.class);
        }
    }
}
