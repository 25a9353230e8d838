package org.kervi.shell.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.shell.internal.Display.CommandFailure;

@Service
@Command(scope = "kervi", name = "log", description = "Prints the user log, newest first: ranges entered, modules"
        + " started and restarted, app_main/app_exit, action messages (in the root: every instance's entries)")
public class LogCommand implements Action {
    @Reference(optional = true)
    UserLog userLog;

    @Option(name = "--level", description = "Lowest level shown: info (default), warning, error")
    @Completion(LogLevelCompleter.class)
    String level;

    @Option(name = "--since", description = "From a duration back (90s, 10m, 24h, 7d) or an ISO-8601 time")
    String since;

    @Option(name = "--limit", description = "At most this many entries (default 50)")
    int limit = 50;

    @Option(name = "--no-format", description = "Plain table for scripts")
    boolean noFormat;

    @Override
    public Object execute() throws Exception {
        UserLog log = Services.userLog(userLog);
        UserLogLevel atLeast;
        Instant from;
        try {
            atLeast = level == null ? UserLogLevel.INFO : parseLevel(level);
            from = LogSince.parse(since, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        if (limit < 1) {
            throw new CommandFailure("--limit must be 1 or more, got " + limit);
        }
        List<UserLogEntry> entries = log.entries(atLeast, from, limit);
        ShellTable table = new ShellTable().emptyTableText("no entries" + (level == null ? "" : " at " + level
                + " or above") + (since == null ? "" : " since " + since));
        table.column("Time (UTC)");
        table.column("Level");
        table.column("Source");
        table.column("Instance");
        table.column("Message");
        for (UserLogEntry e : entries) {
            table.addRow().addContent(e.time(), e.level().name().toLowerCase(Locale.ROOT), e.sourceId(),
                    e.instance(), e.message());
        }
        table.print(System.out, !noFormat);
        return null;
    }

    static UserLogLevel parseLevel(String text) {
        try {
            return UserLogLevel.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--level '" + text + "' is not one of info, warning, error");
        }
    }
}
