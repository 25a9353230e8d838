package org.kervi.ipc.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.kervi.api.actions.ActionHandler;
import org.kervi.api.actions.ActionInfo;
import org.kervi.ipc.api.Transport;

/** The local stand-in of an action owned by another instance: calls go over the transport. */
final class RemoteActionHandler implements ActionHandler {
    private final ActionInfo info;
    private final Transport transport;

    RemoteActionHandler(ActionInfo info, Transport transport) {
        this.info = info;
        this.transport = transport;
    }

    @Override
    public ActionInfo info() {
        return info;
    }

    @Override
    public CompletableFuture<Object> invoke(List<?> args, Duration timeout) {
        return transport.call(info.id(), args, timeout == null ? info.timeout() : timeout);
    }

    @Override
    public CompletableFuture<Object> invoke(List<?> args, Duration timeout, String runId) {
        return transport.start(info.id(), args, timeout == null ? info.timeout() : timeout, runId);
    }

    @Override
    public CompletableFuture<Integer> interrupt(String runId) {
        return transport.interrupt(info.id(), runId, info.timeout());
    }

    @Override
    public String toString() {
        return "remote action " + info.id() + " of " + info.owner();
    }
}
