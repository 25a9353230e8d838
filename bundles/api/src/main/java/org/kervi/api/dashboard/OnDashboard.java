package org.kervi.api.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shows an {@link org.kervi.api.actions.Action @Action} on a dashboard panel, as a button (with an input per
 * parameter), or as a switch bound to a state value (see {@link #state()}). Repeat it to show the action in
 * several places.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(OnDashboards.class)
public @interface OnDashboard {
    /** The dashboard's id; {@code "*"} for the default dashboard. */
    String dashboard() default DashboardLink.DEFAULT_DASHBOARD;

    String panel();

    WidgetType widget() default WidgetType.BUTTON;

    /** Also in the header strip. */
    boolean header() default false;

    /** The button's text; defaults to the action's name. */
    String label() default "";

    String icon() default "";

    /**
     * For an action with one boolean parameter: the id of the boolean value that holds the state the action sets
     * (e.g. {@code "fan_controller.active"}). The dashboard then shows a switch at that value's state instead of a
     * checkbox and a button; flipping it calls the action with the new position.
     */
    String state() default "";
}
