package org.kervi.itests.producer;

import org.kervi.api.components.Controller;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;

/**
 * Instance a's side of {@code ValueSemanticsIT}: a standalone value {@value #SOURCE} that b's inputs follow, and an
 * input {@value #INPUT} that no link may follow. Installed only by tests, as the bundle {@link ProducerBundle} writes.
 */
public class LinkSource extends Controller {
    public static final String SOURCE = "sem_a.source";
    public static final String INPUT = "sem_a.input";

    public LinkSource() {
        super("sem_a", "Link source");
        addValue(new NumberValue(SOURCE, "Source"));
        inputs().number("input", "An input");
    }

    @Override
    protected void inputChanged(Value<?> input) {}
}
