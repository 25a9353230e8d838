package org.kervi.automation.internal.links;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.actions.ActionService;

/** Starts runs through the {@link ActionService}, so local and remote actions are alike. */
final class ServiceStarter implements ActionStarter {
    private final ActionService actions;

    ServiceStarter(ActionService actions) {
        this.actions = actions;
    }

    @Override
    public LinkRun start(String actionId, List<Object> args) {
        ActionRun run = actions.start(actionId, args, null);
        return new LinkRun() {
            @Override
            public CompletableFuture<?> completion() {
                return run.result();
            }

            @Override
            public void interrupt() {
                run.interrupt();
            }
        };
    }
}
