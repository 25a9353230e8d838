package org.kervi.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kervi.api.runtime.RemoteEventThreads;

/**
 * The answer of another instance. Waiting for it on a thread that hands a remote event to listeners is refused at
 * once: the transport reads the answer on that same thread, so the wait would last until the call's timeout and
 * hold up every other event meanwhile. Futures made from this one ({@code thenApply}, ...) refuse the same way.
 */
final class RemoteAnswer<T> extends CompletableFuture<T> {
    private final String what;
    private final String id;

    /**
     * {@code what} and {@code id}: the call or write in the refusal's words, e.g. "the answer of action" and
     * "m.pump"; the text is only put together when a wait is refused.
     */
    RemoteAnswer(String what, String id) {
        this.what = what;
        this.id = id;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new RemoteAnswer<>(what, id);
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        refuseWaitOnDeliveryThread();
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        refuseWaitOnDeliveryThread();
        return super.get(timeout, unit);
    }

    @Override
    public T join() {
        refuseWaitOnDeliveryThread();
        return super.join();
    }

    private void refuseWaitOnDeliveryThread() {
        String handling = RemoteEventThreads.handling();
        if (handling != null && !isDone()) {
            throw new IllegalStateException("waiting for " + what + " '" + id + "' while a listener handles '" + handling
                    + "' from another instance: that answer arrives on this very thread, after the listener"
                    + " returns. Chain on the result instead (whenComplete/thenAccept), or call from an action or"
                    + " a thread of your own");
        }
    }
}
