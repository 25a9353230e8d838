package org.kervi.api.values;

/**
 * A number value entered another of its declared ranges, or left every range.
 *
 * @param left the range it was in before, null when it was in none
 * @param entered the range it is in now, null when it is in none (which reads as normal)
 * @param initial true for the first evaluation after the ranges were declared (nothing was left)
 */
public record RangeChange(NumberValue value, ValueRange left, ValueRange entered, double current,
        long timestampMillis, boolean initial) {

    /** The level now: the entered range's, or normal outside every range. */
    public RangeLevel level() {
        return entered == null ? RangeLevel.NORMAL : entered.level();
    }

    /** The entered range's message, or a sentence that says what happened. */
    public String message() {
        if (entered != null && !entered.message().isEmpty()) {
            return entered.message();
        }
        String reading = value.name() + " " + value.format(current) + (value.unit().isEmpty() ? "" : " " + value.unit());
        if (entered != null) {
            return reading + " is in the " + entered.level().label() + " range " + entered.describe(value);
        }
        if (left != null) {
            return reading + " left the " + left.level().label() + " range " + left.describe(value);
        }
        return reading + " is in no declared range";
    }
}
