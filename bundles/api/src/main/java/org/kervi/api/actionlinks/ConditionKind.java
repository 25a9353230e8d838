package org.kervi.api.actionlinks;

/** What a {@link ValueCondition} compares a value with. */
public enum ConditionKind {
    /** The value is boolean true (or a number other than 0). */
    TRUE,
    /** The value is boolean false (or the number 0). */
    FALSE,
    /** A number strictly above the operand. */
    ABOVE,
    /** A number strictly below the operand. */
    BELOW,
    /** Equal to the operand: numbers by value, anything else by its text (case-insensitive). */
    EQUALS
}
