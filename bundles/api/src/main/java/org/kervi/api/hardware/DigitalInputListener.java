package org.kervi.api.hardware;

import org.osgi.annotation.versioning.ConsumerType;

/** Told of each change of a {@link DigitalInput}. */
@ConsumerType
@FunctionalInterface
public interface DigitalInputListener {
    void changed(boolean high);
}
