package org.kervi.automation.internal.links;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.kervi.api.actions.ActionService;

/** Starts runs through the {@link ActionService}, so local and remote actions are alike. */
final class ServiceStarter implements ActionStarter {
    private final ActionService actions;

    ServiceStarter(ActionService actions) {
        this.actions = actions;
    }

    @Override
    public ActionRun start(String actionId, List<Object> args) {
        CompletableFuture<Object> call = actions.call(actionId, args, null);
        return new ActionRun() {
            @Override
            public CompletableFuture<?> completion() {
                return call;
            }

            @Override
            public void interrupt() {
                call.cancel(true);
            }
        };
    }
}
