package org.kervi.shell.internal;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.api.history.HistoryStatus;
import org.kervi.api.history.ValueHistory;

@Service
@Command(scope = "kervi", name = "history-status", description = "Shows how recording goes: the store, whether"
        + " it works (and since when not), values written, queued and dropped")
public class HistoryStatusCommand implements Action {
    @Reference(optional = true)
    ValueHistory history;

    @Override
    public Object execute() {
        HistoryStatus s = Services.history(history).status();
        System.out.println("store:      " + s.store() + " " + s.location());
        System.out.println("state:      " + (s.healthy() ? "writing" : "FAILING since "
                + Instant.ofEpochMilli(s.problemSinceMillis()) + ": " + s.problem() + " (retrying)"));
        System.out.println("written:    " + s.written() + " value(s) since start, last batch "
                + (s.lastWriteMillis() == 0 ? "never" : Instant.ofEpochMilli(s.lastWriteMillis()).toString()));
        System.out.println("queued:     " + s.queued() + " of " + s.queueCapacity() + " (batches every "
                + s.batchMillis() + " ms)");
        System.out.println("dropped:    " + s.dropped() + (s.dropped() == 0 ? "" : " (the queue was full)"));
        return null;
    }
}
