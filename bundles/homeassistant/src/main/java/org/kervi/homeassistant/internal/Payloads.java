package org.kervi.homeassistant.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueRejectedException;

/** Kervi values as state payloads, and command payloads as raw input for a value's checks. */
final class Payloads {
    static final String ON = "ON";
    static final String OFF = "OFF";
    static final String PRESS = "PRESS";

    private Payloads() {}

    /** The state payload of a value's current value; empty when it has none. */
    static String state(Value<?> value) {
        Object current = value.get();
        if (current == null) {
            return "";
        }
        return switch (value.kind()) {
            case BOOLEAN -> Boolean.TRUE.equals(current) ? ON : OFF;
            case NUMBER -> number((Double) current);
            case DATETIME -> ((Instant) current).toString();
            default -> current.toString();
        };
    }

    /**
     * The raw input a command payload stands for, for {@code Value.setFromOutside}'s own type and range checks.
     *
     * @throws ValueRejectedException when the payload is not what the entity's component sends
     */
    static Object command(Value<?> value, String payload) {
        String text = payload.trim();
        return switch (value.kind()) {
            case BOOLEAN -> {
                if (text.equals(ON)) {
                    yield Boolean.TRUE;
                }
                if (text.equals(OFF)) {
                    yield Boolean.FALSE;
                }
                throw new ValueRejectedException(value.id(), "expected " + ON + " or " + OFF + ", got "
                        + quoted(payload));
            }
            case NUMBER -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new ValueRejectedException(value.id(), "expected a number, got "
                            + quoted(payload));
                }
            }
            default -> text;
        };
    }

    /** A payload as an error message shows it: quoted, at most 40 characters. */
    static String quoted(String payload) {
        return "'" + (payload.length() > 40 ? payload.substring(0, 37) + "..." : payload) + "'";
    }

    private static String number(Double d) {
        if (d.isNaN() || d.isInfinite()) {
            return d.toString();
        }
        return new BigDecimal(d.toString()).stripTrailingZeros().toPlainString();
    }
}
