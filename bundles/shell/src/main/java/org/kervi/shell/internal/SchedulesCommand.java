package org.kervi.shell.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.schedules.ScheduleInfo;
import org.kervi.api.schedules.ScheduleService;

@Service
@Command(scope = "kervi", name = "schedules", description = "Lists the scheduled actions of this instance: when"
        + " each runs, its next fire time with its time zone, its last run and result, runs missed while the instance"
        + " was down, and refused configurations with the reason")
@Parsing(SchedulesCommand.Parser.class)
public class SchedulesCommand implements Action {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    @Reference(optional = true)
    ScheduleService schedules;

    @Argument(index = 0, name = "prefix", description = "Only schedules whose id or action starts with this",
            required = false)
    @Completion(ScheduleIdCompleter.class)
    String prefix;

    @Option(name = "--no-format", description = "Plain output for scripts (tab-separated)")
    boolean noFormat;

    @Override
    public Object execute() {
        ScheduleService service = Services.schedules(schedules);
        if (!noFormat) {
            System.out.println("instance time zone: " + ZoneId.systemDefault() + " (schedules without a zone use it)");
        }
        ShellTable table = new ShellTable().emptyTableText("no schedules");
        table.column("Id");
        table.column("Action");
        table.column("Arguments");
        table.column("Schedule");
        table.column("Zone");
        table.column("Next fire");
        table.column("Last fire");
        table.column("Last result");
        table.column("Missed").alignRight();
        table.column("Source");
        for (ScheduleInfo s : service.schedules()) {
            if (prefix == null || s.id().startsWith(prefix) || s.actionId().startsWith(prefix)) {
                String next = s.nextFire() == null ? "never: " + s.error() : TIME.format(s.nextFire());
                table.addRow().addContent(s.id(), s.actionId(), String.join(" ", s.arguments()), s.schedule(), s.zone(),
                        next, last(s.lastFire(), s.zone()), s.lastResult(), s.missedRuns(), s.source());
            }
        }
        table.print(System.out, !noFormat);
        return null;
    }

    private static String last(Instant fired, ZoneId zone) {
        return fired == null ? "" : TIME.format(ZonedDateTime.ofInstant(fired, zone));
    }

    /** Options may follow the prefix ({@link OptionsAnywhere}). */
    @Service
    public static class Parser extends OptionsAnywhere {
        public Parser() {
            super(SchedulesCommand.class);
        }
    }
}
