package org.kervi.api.runtime;

import java.util.function.Supplier;

/**
 * Marks a thread while it hands an event from another instance to this instance's listeners: a value event, or a
 * write from outside. The IPC transport reads the answers to this instance's calls on the same thread, so code
 * running there (a listener, {@code inputChanged}) must not wait for the answer of another instance: it could only
 * arrive after the wait. Kervi refuses such a wait at once with an {@link IllegalStateException} that says so,
 * instead of blocking until the call's timeout.
 */
public final class RemoteEventThreads {
    private static final ThreadLocal<String> HANDLING = new ThreadLocal<>();

    private RemoteEventThreads() {
    }

    /** Runs {@code delivery}, the listeners' handling of the remote event of {@code id}, marked. */
    public static void deliver(String id, Runnable delivery) {
        deliver(id, () -> {
            delivery.run();
            return null;
        });
    }

    /** Like {@link #deliver(String, Runnable)}, returning what {@code delivery} returns. */
    public static <T> T deliver(String id, Supplier<T> delivery) {
        String outer = enter(id);
        try {
            return delivery.get();
        } finally {
            exit(outer);
        }
    }

    /**
     * Marks the current thread as handing the remote event of {@code id} to listeners, without a lambda per event:
     * {@code String outer = enter(id); try { ... } finally { exit(outer); }}. Returns the mark to restore.
     */
    public static String enter(String id) {
        String outer = HANDLING.get();
        HANDLING.set(id);
        return outer;
    }

    /** Restores the mark {@link #enter(String)} returned. */
    public static void exit(String outer) {
        if (outer == null) {
            HANDLING.remove();
        } else {
            HANDLING.set(outer);
        }
    }

    /** The id whose remote event the current thread hands to listeners, or null when it does not. */
    public static String handling() {
        return HANDLING.get();
    }
}
