package org.kervi.api.values;

import java.util.Optional;

/**
 * Which way a link runs: from an output, a sensor value or a standalone value into an input or a standalone value.
 * The value that follows is the one that calls {@code linkTo}; outputs and sensor values are set only by their
 * component, and inputs are set from outside, so neither makes sense at the other end.
 */
public final class LinkDirection {
    private LinkDirection() {}

    /** Whether a value of this role may follow a link. */
    public static boolean mayFollow(ValueRole role) {
        return role == ValueRole.INPUT || role == ValueRole.STANDALONE;
    }

    /** Whether a value of this role may be followed. */
    public static boolean mayBeFollowed(ValueRole role) {
        return role != ValueRole.INPUT;
    }

    /** Why {@code follower} cannot follow {@code sourceId}, or empty when its role allows following. */
    public static Optional<String> followerProblem(Value<?> follower, String sourceId) {
        if (mayFollow(follower.role())) {
            return Optional.empty();
        }
        return Optional.of(prefix(follower.id(), sourceId) + "'" + follower.id() + "' is " + article(follower.role())
                + ", set only by its component; the value that follows calls linkTo and must be an input or a"
                + " standalone value (write " + sourceId + ".linkTo(" + follower.id() + ") to make '" + sourceId
                + "' follow '" + follower.id() + "')");
    }

    /** Why {@code follower} cannot follow {@code sourceId} of role {@code sourceRole}, or empty when it can. */
    public static Optional<String> sourceProblem(Value<?> follower, String sourceId, ValueRole sourceRole) {
        if (mayBeFollowed(sourceRole)) {
            return Optional.empty();
        }
        return Optional.of(prefix(follower.id(), sourceId) + "'" + sourceId + "' is " + article(sourceRole)
                + "; a link runs from an output, a sensor or a standalone value into an input");
    }

    private static String prefix(String followerId, String sourceId) {
        return "cannot link '" + followerId + "' to '" + sourceId + "': ";
    }

    private static String article(ValueRole role) {
        return (role == ValueRole.INPUT || role == ValueRole.OUTPUT ? "an " : "a ") + role.label()
                + (role == ValueRole.SENSOR || role == ValueRole.STANDALONE ? " value" : "");
    }
}
