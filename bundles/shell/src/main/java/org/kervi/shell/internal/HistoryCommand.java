package org.kervi.shell.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.history.HistorySeries;
import org.kervi.api.history.ValueHistory;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.shell.internal.Display.CommandFailure;

@Service
@Command(scope = "kervi", name = "history", description = "Prints a value's recorded history, downsampled on the"
        + " server (each bucket keeps its lowest and highest point): a table and a sparkline, or CSV")
@Parsing(HistoryCommand.Parser.class)
public class HistoryCommand implements Action {
    private static final int TABLE_POINTS = 30;
    private static final int CSV_POINTS = 1000;

    @Reference
    KerviRegistry registry;

    @Reference(optional = true)
    ValueHistory history;

    @Argument(index = 0, name = "id", description = "Value id", required = true)
    @Completion(ValueIdCompleter.class)
    String id;

    @Option(name = "--since", description = "How far back from now: 90s, 30m, 24h, 7d (default 24h)")
    String since;

    @Option(name = "--from", description = "Start, ISO-8601 UTC (2026-12-04T10:00:00Z)")
    String from;

    @Option(name = "--to", description = "End, ISO-8601 UTC (default now)")
    String to;

    @Option(name = "--points", description = "Most points to show (default 30 in a table, 1000 as CSV)")
    int points;

    @Option(name = "--csv", description = "CSV with header time,value (ISO-8601 UTC times)")
    boolean csv;

    @Option(name = "--no-format", description = "Plain table for scripts")
    boolean noFormat;

    @Override
    public Object execute() throws Exception {
        ValueHistory history = Services.history(this.history);
        HistorySeries series;
        try {
            HistoryRange range = HistoryRange.of(since, from, to, System.currentTimeMillis());
            int max = points != 0 ? points : csv ? CSV_POINTS : TABLE_POINTS;
            series = history.history(id, range.fromMillis(), range.toMillis(), max);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandFailure(e.getMessage());
        }
        if (series.matched() == 0 && registry.value(id).isEmpty()) {
            throw new CommandFailure("no history of '" + id + "': no value has this id and nothing was recorded"
                    + " under it");
        }
        if (csv) {
            System.out.println(HistoryCsv.HEADER);
            series.points().forEach(p -> System.out.println(HistoryCsv.line(p)));
            return null;
        }
        System.out.println(id + ": " + series.points().size() + " of " + series.matched() + " point(s) ("
                + series.source() + (series.downsampled() ? ", downsampled" : "") + ") from "
                + Instant.ofEpochMilli(series.fromMillis()) + " to " + Instant.ofEpochMilli(series.toMillis()));
        ShellTable table = new ShellTable().emptyTableText("nothing recorded in this range");
        table.column("Time (UTC)");
        table.column("Value").alignRight();
        for (HistoryPoint p : series.points()) {
            table.addRow().addContent(Instant.ofEpochMilli(p.timeMillis()), p.value());
        }
        table.print(System.out, !noFormat);
        String line = Sparkline.of(numbers(series.points()), 60);
        if (!line.isEmpty()) {
            System.out.println(line);
        }
        return null;
    }

    private static List<Double> numbers(List<HistoryPoint> points) {
        List<Double> numbers = new ArrayList<>();
        for (HistoryPoint p : points) {
            if (p.value() instanceof Number n) {
                numbers.add(n.doubleValue());
            } else if (p.value() instanceof Boolean b) {
                numbers.add(b ? 1.0 : 0.0);
            } else {
                return List.of();
            }
        }
        return numbers;
    }

    /** Options may follow the id ({@link OptionsAnywhere}). */
    @Service
    public static class Parser extends OptionsAnywhere {
        public Parser() {
            super(HistoryCommand.class);
        }
    }
}
