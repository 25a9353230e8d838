package org.kervi.api.actionlinks;

import java.util.Locale;
import java.util.Objects;

/**
 * A predicate on a value's current state: {@code true}, {@code false}, {@code > 90}, {@code < 10}, {@code = on}.
 * Immutable. A value that does not fit the condition (text for {@code > 90}, nothing yet) does not meet it.
 */
public final class ValueCondition {
    private final ConditionKind kind;
    private final Object operand;

    private ValueCondition(ConditionKind kind, Object operand) {
        this.kind = kind;
        this.operand = operand;
    }

    public static ValueCondition isTrue() {
        return new ValueCondition(ConditionKind.TRUE, null);
    }

    public static ValueCondition isFalse() {
        return new ValueCondition(ConditionKind.FALSE, null);
    }

    public static ValueCondition above(double threshold) {
        return new ValueCondition(ConditionKind.ABOVE, finite(threshold));
    }

    public static ValueCondition below(double threshold) {
        return new ValueCondition(ConditionKind.BELOW, finite(threshold));
    }

    /** Equal to a number, a boolean or a text (an enum key, a string). */
    public static ValueCondition equalTo(Object operand) {
        Objects.requireNonNull(operand, "operand");
        return new ValueCondition(ConditionKind.EQUALS, operand instanceof Number n ? finite(n.doubleValue())
                : operand);
    }

    /**
     * Reads a condition as an operator writes it: {@code true}, {@code false}, {@code > 90}, {@code >90},
     * {@code < 10.5}, {@code = on}, {@code == 3}.
     *
     * @throws IllegalArgumentException saying what was wrong and what is accepted
     */
    public static ValueCondition parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("a condition is empty; write true, false, '> 90', '< 10' or '= on'");
        }
        if (t.equalsIgnoreCase("true")) {
            return isTrue();
        }
        if (t.equalsIgnoreCase("false")) {
            return isFalse();
        }
        char op = t.charAt(0);
        String rest = t.substring(t.startsWith("==") ? 2 : 1).trim();
        switch (op) {
            case '>':
                return above(number(t, rest));
            case '<':
                return below(number(t, rest));
            case '=':
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("condition '" + t + "' has nothing after '='");
                }
                return equalTo(looksNumeric(rest) ? (Object) Double.parseDouble(rest) : rest);
            default:
                throw new IllegalArgumentException("condition '" + t + "' is not understood; write true, false,"
                        + " '> 90', '< 10' or '= on'");
        }
    }

    public ConditionKind kind() {
        return kind;
    }

    /** The threshold or the compared value; null for {@code TRUE} and {@code FALSE}. */
    public Object operand() {
        return operand;
    }

    /** Whether {@code value} (a value's current Java value, possibly null) meets this condition. */
    public boolean test(Object value) {
        if (value == null) {
            return false;
        }
        switch (kind) {
            case TRUE:
                return truth(value) == Boolean.TRUE;
            case FALSE:
                return truth(value) == Boolean.FALSE;
            case ABOVE:
                return value instanceof Number n && n.doubleValue() > (Double) operand;
            case BELOW:
                return value instanceof Number n && n.doubleValue() < (Double) operand;
            default:
                if (operand instanceof Double d) {
                    return value instanceof Number n && n.doubleValue() == d;
                }
                if (operand instanceof Boolean b) {
                    return b.equals(truth(value));
                }
                if (value instanceof Boolean b) {
                    return b.equals(booleanWord(String.valueOf(operand)));
                }
                return String.valueOf(operand).equalsIgnoreCase(String.valueOf(value));
        }
    }

    private static Boolean truth(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return null;
    }

    private static Boolean booleanWord(String word) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "true": case "on": case "yes": case "1":
                return Boolean.TRUE;
            case "false": case "off": case "no": case "0":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static double number(String condition, String text) {
        if (!looksNumeric(text)) {
            throw new IllegalArgumentException("condition '" + condition + "' needs a number after '"
                    + condition.charAt(0) + "', not '" + text + "'");
        }
        return finite(Double.parseDouble(text));
    }

    private static boolean looksNumeric(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text)) && !text.endsWith("d") && !text.endsWith("f")
                    && !text.endsWith("D") && !text.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double finite(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("a condition's number must be finite, not " + d);
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueCondition c && c.kind == kind && Objects.equals(c.operand, operand);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, operand);
    }

    /** The form {@link #parse} reads back: {@code > 90}, {@code true}. */
    @Override
    public String toString() {
        switch (kind) {
            case TRUE:
                return "true";
            case FALSE:
                return "false";
            case ABOVE:
                return "> " + plain(operand);
            case BELOW:
                return "< " + plain(operand);
            default:
                return "= " + plain(operand);
        }
    }

    private static String plain(Object o) {
        if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(o);
    }
}
