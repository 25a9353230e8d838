package org.kervi.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.kervi.api.components.Controller;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;

/** Small components for the core's tests. */
final class Components {
    private Components() {}

    /** Follows a source by id and doubles what it gets into an output. */
    static final class Follower extends Controller {
        final NumberValue temp = inputs().number("temp", "Temperature").range(0, 150);
        final NumberValue out = outputs().number("out", "Out");
        final List<Double> seen = new ArrayList<>();

        Follower(String id, String sourceId) {
            this(id);
            temp.linkTo(sourceId);
        }

        /** Follows nothing until a test links it. */
        Follower(String id) {
            super(id, id);
        }

        @Override
        protected synchronized void inputChanged(Value<?> input) {
            seen.add(temp.doubleValue());
            out.set(temp.doubleValue() * 2);
        }
    }

    /** A plain component with one value. */
    static final class Holder extends KerviComponent {
        final NumberValue value;

        Holder(String componentId, String valueId) {
            super(componentId, componentId);
            value = addValue(new NumberValue(valueId, valueId));
        }
    }
}
