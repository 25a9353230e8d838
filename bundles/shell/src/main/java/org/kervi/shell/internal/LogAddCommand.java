package org.kervi.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.shell.internal.Display.CommandFailure;

@Service
@Command(scope = "kervi", name = "log-add", description = "Writes an entry to the user log, as an operator's note"
        + " (\"maintenance started\"); it reaches the dashboard and the messaging channels like any other entry")
public class LogAddCommand implements Action {
    @Reference(optional = true)
    UserLog userLog;

    @Argument(index = 0, name = "level", required = true, description = "info, warning or error")
    @Completion(LogLevelCompleter.class)
    String level;

    @Argument(index = 1, name = "source", required = true, description = "The id the entry is about")
    @Completion(ValueIdCompleter.class)
    String sourceId;

    @Argument(index = 2, name = "message", required = true, multiValued = true, description = "The text")
    List<String> words;

    @Override
    public Object execute() throws Exception {
        UserLog log = Services.userLog(userLog);
        UserLogLevel parsed;
        try {
            parsed = LogCommand.parseLevel(level);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage().replace("--level", "level"));
        }
        if (sourceId.isBlank()) {
            throw new CommandFailure("the source id is empty");
        }
        log.log(parsed, sourceId, String.join(" ", words));
        return null;
    }
}
