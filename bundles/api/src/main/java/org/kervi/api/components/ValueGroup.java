package org.kervi.api.components;

import org.kervi.api.Ids;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.ColorValue;
import org.kervi.api.values.DateTimeValue;
import org.kervi.api.values.EnumValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.StringValue;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueRole;

/** Creates a component's inputs or outputs, with ids {@code <component>.<name>}. */
public final class ValueGroup {
    private final KerviComponent owner;
    private final ValueRole role;
    private final ValueSink sink;

    interface ValueSink {
        <V extends Value<?>> V add(V value);
    }

    ValueGroup(KerviComponent owner, ValueRole role, ValueSink sink) {
        this.owner = owner;
        this.role = role;
        this.sink = sink;
    }

    public NumberValue number(String name, String label) {
        return add(new NumberValue(id(name), label));
    }

    public BooleanValue bool(String name, String label) {
        return add(new BooleanValue(id(name), label));
    }

    public StringValue string(String name, String label) {
        return add(new StringValue(id(name), label));
    }

    public EnumValue enumeration(String name, String label) {
        return add(new EnumValue(id(name), label));
    }

    public DateTimeValue dateTime(String name, String label) {
        return add(new DateTimeValue(id(name), label));
    }

    public ColorValue color(String name, String label) {
        return add(new ColorValue(id(name), label));
    }

    private String id(String name) {
        return Ids.join(owner.id(), Ids.requireValid(name, "value name"));
    }

    private <V extends Value<?>> V add(V value) {
        value.role(role);
        return sink.add(value);
    }
}
