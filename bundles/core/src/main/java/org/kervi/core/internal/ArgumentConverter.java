package org.kervi.core.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ParameterInfo;

/**
 * Converts call arguments — typed objects, Strings as typed in the shell, Gson elements from the wire — to an
 * action's declared parameter types, with errors that name the parameter and what was expected.
 */
final class ArgumentConverter {
    private static final Gson GSON = new Gson();

    private ArgumentConverter() {}

    static Object[] convert(String actionId, Parameter[] parameters, List<?> args) {
        if (args.size() != parameters.length) {
            throw new ActionException(actionId, ActionError.BAD_ARGUMENTS, "takes " + parameters.length
                    + (parameters.length == 1 ? " argument " : " arguments ") + Arrays.toString(describe(parameters))
                    + ", got " + args.size());
        }
        Object[] converted = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            try {
                converted[i] = convertOne(args.get(i), parameters[i].getType(), parameters[i].getParameterizedType());
            } catch (IllegalArgumentException | JsonParseException | ArithmeticException e) {
                throw new ActionException(actionId, ActionError.BAD_ARGUMENTS, "argument " + (i + 1) + " ("
                        + parameters[i].getName() + "): expected " + typeName(parameters[i].getType()) + ", got "
                        + show(args.get(i)) + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            }
        }
        return converted;
    }

    static ParameterInfo[] describe(Parameter[] parameters) {
        return Arrays.stream(parameters).map(p -> new ParameterInfo(p.getName(), typeName(p.getType())))
                .toArray(ParameterInfo[]::new);
    }

    static String typeName(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == void.class || type == Void.class) {
            return "void";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Object.class) {
            return "any";
        }
        return "json " + type.getSimpleName();
    }

    private static Object convertOne(Object raw, Class<?> type, Type genericType) {
        if (raw == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("null for a primitive");
            }
            return null;
        }
        Object scalar = raw instanceof JsonPrimitive p ? unwrap(p) : raw;
        if (type == String.class) {
            if (scalar instanceof CharSequence || scalar instanceof Number || scalar instanceof Boolean) {
                return scalar.toString();
            }
            throw new IllegalArgumentException((String) null);
        }
        if (type == boolean.class || type == Boolean.class) {
            return toBoolean(scalar);
        }
        if (type == double.class || type == Double.class) {
            return toDecimal(scalar).doubleValue();
        }
        if (type == float.class || type == Float.class) {
            return toDecimal(scalar).floatValue();
        }
        if (type == long.class || type == Long.class) {
            return toDecimal(scalar).longValueExact();
        }
        if (type == int.class || type == Integer.class) {
            return toDecimal(scalar).intValueExact();
        }
        if (type == short.class || type == Short.class) {
            return toDecimal(scalar).shortValueExact();
        }
        if (type == byte.class || type == Byte.class) {
            return toDecimal(scalar).byteValueExact();
        }
        if (type.isEnum()) {
            return toEnum(scalar, type);
        }
        if (type.isInstance(raw) && !(raw instanceof JsonElement)) {
            return raw;
        }
        JsonElement json = raw instanceof JsonElement element ? element
                : raw instanceof CharSequence text ? JsonParser.parseString(text.toString())
                        : GSON.toJsonTree(raw);
        Object value = GSON.fromJson(json, genericType);
        if (value == null) {
            throw new IllegalArgumentException("empty JSON");
        }
        return value;
    }

    private static Object unwrap(JsonPrimitive p) {
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            return p.getAsBigDecimal();
        }
        return p.getAsString();
    }

    private static Boolean toBoolean(Object scalar) {
        if (scalar instanceof Boolean b) {
            return b;
        }
        if (scalar instanceof CharSequence text) {
            String t = text.toString().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true")) {
                return true;
            }
            if (t.equals("false")) {
                return false;
            }
        }
        throw new IllegalArgumentException((String) null);
    }

    private static BigDecimal toDecimal(Object scalar) {
        if (scalar instanceof BigDecimal d) {
            return d;
        }
        if (scalar instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw new IllegalArgumentException("not finite");
        }
        if (scalar instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (scalar instanceof CharSequence text) {
            try {
                return new BigDecimal(text.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException((String) null);
            }
        }
        throw new IllegalArgumentException((String) null);
    }

    private static Object toEnum(Object scalar, Class<?> type) {
        String text = String.valueOf(scalar).trim();
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException((String) null);
    }

    private static String show(Object raw) {
        if (raw == null) {
            return "null";
        }
        String text = raw instanceof CharSequence ? "'" + raw + "'" : String.valueOf(raw);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
