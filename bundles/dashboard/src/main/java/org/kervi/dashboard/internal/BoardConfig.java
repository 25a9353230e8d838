package org.kervi.dashboard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The layout of one dashboard: a factory configuration per dashboard, e.g.
 * {@code etc/org.kervi.dashboard.board-fan.cfg}. Dashboards and panels that values link to but no
 * configuration describes are shown too, with names made from their ids.
 */
@ObjectClassDefinition(name = "Kervi dashboard layout",
        description = "Name, order, panels and user groups of one dashboard")
public @interface BoardConfig {

    @AttributeDefinition(description = "The dashboard's id, as value and action links name it")
    String id();

    @AttributeDefinition(description = "What users see; empty: made from the id")
    String name() default "";

    @AttributeDefinition(description = "Shown first, and the target of links to the default dashboard (\"*\")")
    boolean isDefault() default false;

    @AttributeDefinition(description = "Position among the dashboards (lower first)")
    int order() default 100;

    @AttributeDefinition(description = "Comma-separated roles or groups that may see it; empty: every user")
    String userGroups() default "";

    @AttributeDefinition(description = "Comma-separated panels in order, each id[:title[:width %]], "
            + "e.g. \"controller:Fan controller:50, cpu:CPU:50\"")
    String panels() default "";
}
