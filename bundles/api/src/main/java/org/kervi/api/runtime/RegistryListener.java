package org.kervi.api.runtime;

import org.osgi.annotation.versioning.ConsumerType;

/** Told when values appear in or leave this instance's registry (local and remote). */
@ConsumerType
public interface RegistryListener {
    default void valueAdded(ValueEntry entry) {}

    default void valueRemoved(ValueEntry entry) {}
}
