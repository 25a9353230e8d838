package org.kervi.automation.internal.links;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every start; each run ends when the test completes its future. */
final class FakeStarter implements ActionStarter {
    record Started(String actionId, List<Object> args, CompletableFuture<Object> done, boolean[] interrupted) {
        boolean wasInterrupted() {
            return interrupted[0];
        }
    }

    final List<Started> starts = new CopyOnWriteArrayList<>();
    RuntimeException refuse;

    @Override
    public LinkRun start(String actionId, List<Object> args) {
        if (refuse != null) {
            throw refuse;
        }
        Started s = new Started(actionId, List.copyOf(args), new CompletableFuture<>(), new boolean[1]);
        starts.add(s);
        return new LinkRun() {
            @Override
            public CompletableFuture<?> completion() {
                return s.done();
            }

            @Override
            public void interrupt() {
                s.interrupted()[0] = true;
                s.done().cancel(true);
            }
        };
    }

    Started last() {
        return starts.get(starts.size() - 1);
    }
}
