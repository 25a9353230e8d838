package org.kervi.api.values;

import org.osgi.annotation.versioning.ConsumerType;

/** Told when a number value enters another of its declared ranges (see {@link NumberValue#addWarningRange}). */
@ConsumerType
@FunctionalInterface
public interface RangeListener {
    void rangeChanged(RangeChange change);
}
