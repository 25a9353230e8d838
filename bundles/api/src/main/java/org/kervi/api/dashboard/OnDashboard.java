package org.kervi.api.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shows an {@link org.kervi.api.actions.Action @Action} on a dashboard panel, as a button (with an input per
 * parameter). Repeat it to show the action in several places.
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
}
