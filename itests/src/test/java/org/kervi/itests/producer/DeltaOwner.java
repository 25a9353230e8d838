package org.kervi.itests.producer;

import org.kervi.api.actions.Action;
import org.kervi.api.components.Controller;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;

/**
 * Instance b's side of {@code ValueSemanticsIT}: a standalone value with a delta ({@value #LEVEL}), an input with a
 * delta linked to a's {@link LinkSource#SOURCE} ({@value #TARGET}), inputs without links, an output, a marker value
 * a test sets to know that b's earlier events reached another instance, and an action that links one of its values
 * to an id at run time, as app code does after registration. Installed only by tests.
 */
public class DeltaOwner extends Controller {
    public static final String LEVEL = "sem_b.level";
    public static final String MARKER = "sem_b.marker";
    public static final String TARGET = "sem_b.target";
    public static final String LATE = "sem_b.late";
    public static final String OTHER = "sem_b.other";
    public static final String OUT = "sem_b.out";
    public static final String LINK_ACTION = "sem_b.link";

    public DeltaOwner() {
        super("sem_b", "Delta owner");
        addValue(new NumberValue(LEVEL, "Level")).delta(10);
        addValue(new NumberValue(MARKER, "Marker"));
        inputs().number("target", "Target").delta(5).linkTo(LinkSource.SOURCE);
        inputs().number("late", "Linked late");
        inputs().number("other", "Other");
        outputs().number("out", "Out");
    }

    /** Makes the value {@code followerId} of this component follow {@code sourceId}; a refused link fails the call. */
    @Action
    public String link(String followerId, String sourceId) {
        Value<?> follower = values().stream().filter(v -> v.id().equals(followerId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("sem_b has no value '" + followerId + "'"));
        follower.linkTo(sourceId);
        return followerId + " follows " + sourceId;
    }

    @Override
    protected void inputChanged(Value<?> input) {}
}
