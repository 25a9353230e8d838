package org.kervi.shell.internal;

import com.google.gson.Gson;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;

/** How the commands show values and results, and turn failures into one clear line. */
final class Display {
    private static final Gson GSON = new Gson();

    private Display() {}

    static String valueWithUnit(Value<?> value) {
        String text = value.formatted();
        if (value instanceof NumberValue n && !n.unit().isEmpty()) {
            return text + " " + n.unit();
        }
        return text;
    }

    /** An action's result: numbers with the action's unit and decimals (when known), JSON for structures. */
    static String result(Object result, Optional<ActionInfo> action) {
        if (result == null) {
            return "(no result)";
        }
        if (result instanceof Number n) {
            return action.map(a -> a.formatNumber(n)).orElse(n.toString());
        }
        if (result instanceof CharSequence || result instanceof Boolean) {
            return result.toString();
        }
        return GSON.toJson(result);
    }

    /** Waits for a future and rethrows its failure as an exception whose message is the whole story. */
    /** A duration as seconds with 3 decimals ({@code 1.250 s}); empty for none. */
    static String seconds(java.time.Duration d) {
        return d == null ? "" : String.format(java.util.Locale.ROOT, "%.3f s", d.toNanos() / 1e9);
    }

    static <T> T await(CompletableFuture<T> future, long millis) throws Exception {
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ActionException ae) {
                throw new CommandFailure(ae.describe());
            }
            throw new CommandFailure(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        } catch (TimeoutException e) {
            throw new CommandFailure("no answer within " + millis + " ms");
        }
    }

    /** A command failure whose message is shown to the user as it is. */
    static final class CommandFailure extends Exception {
        private static final long serialVersionUID = 1L;

        CommandFailure(String message) {
            super(message);
        }
    }
}
