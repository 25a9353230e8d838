package org.kervi.api.actions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of the same component as the interrupt handler of one of its actions (Kervi's
 * {@code @my_action.set_interrupt}). It takes no parameters, or one {@link ActionContext} naming the run being
 * interrupted; it runs on a thread of its own while the action's run is still going, and should make the run end
 * soon (stop a motor, set a flag the run watches).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Interrupt {
    /** The action's own id as given to {@link Action#id()}, or its method name. */
    String value();
}
