package org.kervi.api.components;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueRole;

/**
 * Owns inputs and outputs and reacts to input changes in {@link #inputChanged}. Inputs are writable from outside
 * and can follow other values ({@code temp.linkTo("cpu_load")}); outputs only the controller sets.
 * {@code inputChanged} is called only once the application is ready, one call at a time per controller.
 */
public abstract class Controller extends KerviComponent {
    private static final Logger LOG = System.getLogger(Controller.class.getName());
    private final ValueGroup inputs;
    private final ValueGroup outputs;

    protected Controller(String id, String name) {
        super(id, name);
        this.inputs = new ValueGroup(this, ValueRole.INPUT, this::addInput);
        this.outputs = new ValueGroup(this, ValueRole.OUTPUT, this::addValue);
    }

    @Override
    public String type() {
        return "controller";
    }

    protected final ValueGroup inputs() {
        return inputs;
    }

    protected final ValueGroup outputs() {
        return outputs;
    }

    private <V extends Value<?>> V addInput(V input) {
        addValue(input);
        input.addListener(change -> dispatch(input));
        return input;
    }

    private void dispatch(Value<?> input) {
        if (!isStarted()) {
            return;
        }
        synchronized (this) {
            try {
                inputChanged(input);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "inputChanged(" + input.id() + ") of " + id() + " failed", e);
            }
        }
    }

    /** Called when an input fired a change, once the application is ready. */
    protected abstract void inputChanged(Value<?> input);
}
