package org.kervi.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.kervi.api.history.ValueHistory;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.ValueKind;
import org.kervi.shell.internal.Display.CommandFailure;

@Service
@Command(scope = "kervi", name = "history-import", description = "Adds points from a CSV file (time,value; time"
        + " ISO-8601 or epoch milliseconds) to a value's history; a file with a bad line imports nothing")
public class HistoryImportCommand implements Action {
    private static final int PROBLEMS_SHOWN = 20;

    @Reference
    KerviRegistry registry;

    @Reference(optional = true)
    ValueHistory history;

    @Argument(index = 0, name = "id", description = "Value id", required = true)
    @Completion(ValueIdCompleter.class)
    String id;

    @Argument(index = 1, name = "file", description = "CSV file", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws Exception {
        ValueHistory history = Services.history(this.history);
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
        }
        ValueKind kind = registry.value(id).map(ValueEntry::value).map(v -> v.kind()).orElse(null);
        HistoryCsv.Parsed parsed = HistoryCsv.parse(lines, kind);
        if (!parsed.problems().isEmpty()) {
            List<String> shown = parsed.problems().subList(0, Math.min(PROBLEMS_SHOWN, parsed.problems().size()));
            throw new CommandFailure("nothing imported, " + parsed.problems().size() + " bad line(s) in " + file
                    + ":\n  " + String.join("\n  ", shown)
                    + (parsed.problems().size() > shown.size() ? "\n  ..." : ""));
        }
        int queued;
        try {
            queued = history.importPoints(id, parsed.points());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        if (queued < parsed.points().size()) {
            throw new CommandFailure("imported " + queued + " of " + parsed.points().size() + " point(s): the history"
                    + " queue stayed full (see kervi:history-status)");
        }
        System.out.println("Imported " + queued + " point(s) into the history of " + id
                + (kind == null ? " (not a known value id: types guessed from the text)" : ""));
        return null;
    }
}
