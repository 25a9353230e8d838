package org.kervi.ipc.spi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.runtime.UnknownIdException;
import org.kervi.api.values.ValueRejectedException;
import org.kervi.ipc.api.ActionDescriptor;
import org.kervi.ipc.api.ValueDescriptor;
import org.kervi.ipc.internal.tcp.Json;
import org.kervi.ipc.internal.tcp.ProtocolException;

/**
 * The JSON every transport speaks for directory entries, call arguments and results, and the errors of calls and
 * writes, so that all transports describe an id, a result and a refusal alike (see docs/ipc-protocol.md).
 */
public final class WireJson {
    /** The code of a write the owner refused (a {@link ValueRejectedException} at the writer). */
    public static final String REJECTED = "REJECTED";

    private WireJson() {}

    public static JsonObject toJson(ValueDescriptor d) {
        return Json.toJson(d);
    }

    public static JsonObject toJson(ActionDescriptor d) {
        return Json.toJson(d);
    }

    /** Throws an {@link IllegalArgumentException} saying what is wrong with the entry. */
    public static ValueDescriptor valueDescriptor(JsonElement e) {
        try {
            return Json.valueFromJson(e);
        } catch (ProtocolException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
    }

    /** Throws an {@link IllegalArgumentException} saying what is wrong with the entry. */
    public static ActionDescriptor actionDescriptor(JsonElement e) {
        try {
            return Json.actionFromJson(e);
        } catch (ProtocolException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
    }

    /** Call arguments as JSON; throws a RuntimeException for what Gson cannot write. */
    public static JsonArray args(List<?> args) {
        return Json.args(args);
    }

    /** A value or result as JSON. */
    public static JsonElement tree(Object o) {
        return Json.tree(o);
    }

    /** JSON back to Java: scalars as String, Boolean, Long or Double; objects and arrays stay JSON elements. */
    public static Object plain(JsonElement e) {
        return Json.plain(e);
    }

    public static List<Object> plainList(JsonArray a) {
        return Json.plainList(a);
    }

    /** What a caller's future fails with when the owner (or the link) reports {@code code} for a call. */
    public static ActionException callFailure(String actionId, String code, String message, String errorType) {
        ActionError kind;
        try {
            kind = ActionError.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            kind = ActionError.FAILED;
        }
        return new ActionException(actionId, kind, message, errorType, null);
    }

    /** What a writer's future fails with when the owner (or the link) reports {@code code} for a write. */
    public static Exception writeFailure(String valueId, String code, String message) {
        if (ActionError.UNKNOWN_ID.name().equals(code)) {
            return new UnknownIdException("value", valueId);
        }
        if (ActionError.TIMEOUT.name().equals(code)) {
            return new java.util.concurrent.TimeoutException(valueId + ": " + code + ": " + message);
        }
        if (REJECTED.equals(code)) {
            String prefix = valueId + ": ";
            return new ValueRejectedException(valueId, message != null && message.startsWith(prefix)
                    ? message.substring(prefix.length()) : message);
        }
        return new IllegalStateException(valueId + ": " + code + ": " + message);
    }

    /** The code an owner reports for a write it failed with {@code cause}. */
    public static String writeFailureCode(Throwable cause) {
        return cause instanceof UnknownIdException ? ActionError.UNKNOWN_ID.name()
                : cause instanceof IllegalArgumentException ? REJECTED : ActionError.FAILED.name();
    }
}
