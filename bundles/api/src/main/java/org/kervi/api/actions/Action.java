package org.kervi.api.actions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a {@link org.kervi.api.components.KerviComponent} as an action callable by id from
 * anywhere: this instance, another instance, the shell, the dashboard. Its id is
 * {@code <component id>.<id or method name>}, or just {@code id} when {@link #global()} is set (for
 * application actions such as {@code app_main}). Parameters are converted from the caller's arguments to their
 * declared types; the return value is the result.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Action {
    /** The action's own id; defaults to the method name. */
    String id() default "";

    /** What users see; defaults to the id. */
    String name() default "";

    /** A question users must confirm before the dashboard runs the action; empty for none. */
    String confirm() default "";

    /** The id is used as it is, not prefixed with the component id. */
    boolean global() default false;

    /** What happens to a call while the action is running. Kervi never ran an action twice at once. */
    ActionConcurrency concurrency() default ActionConcurrency.SERIAL;

    /** Default timeout for calls that give none, in milliseconds; 0 takes the runtime's default. */
    long timeoutMillis() default 0;

    /** The unit of a number result, shown after it ({@code "%"}, {@code "°C"}); empty for none. */
    String unit() default "";

    /** At most this many decimals of a number result are shown (0..15); -1 shows the result as returned. */
    int decimals() default -1;

    /**
     * Publishes the action's state values ({@code <id>.state}, {@code .last_error}, {@code .last_duration}, see
     * {@link ActionStateIds}). Off for plumbing that other instances call every second or so, whose state changes
     * would be traffic nobody watches; {@code kervi:actions} and {@link ActionService#status} still show its state.
     */
    boolean stateValues() default true;
}
