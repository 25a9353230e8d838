package org.kervi.api.values;

import org.osgi.annotation.versioning.ConsumerType;

/** Told of every change a value fires (see {@link Value} for when a value fires). */
@ConsumerType
@FunctionalInterface
public interface ValueListener<T> {
    void valueChanged(ValueChange<? extends T> change);
}
