package org.kervi.testing;

import org.kervi.api.components.KerviComponent;
import org.kervi.api.values.Value;

/** The component that owns a value a test adds on its own ({@link KerviTestRuntime#addValue}). */
final class ValueHolder extends KerviComponent {
    ValueHolder(Value<?> value) {
        super(value.id(), value.name());
        addValue(value);
    }
}
