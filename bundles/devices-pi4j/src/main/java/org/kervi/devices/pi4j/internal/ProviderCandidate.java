package org.kervi.devices.pi4j.internal;

import com.pi4j.provider.Provider;
import java.util.Optional;
import java.util.function.Supplier;

/** A provider a platform wants for one kind of I/O, with the check that says whether it can work here. */
record ProviderCandidate(IoKind kind, String id, Supplier<Provider> provider, Supplier<Optional<String>> check) {

    static ProviderCandidate always(IoKind kind, String id, Supplier<Provider> provider) {
        return new ProviderCandidate(kind, id, provider, Optional::empty);
    }
}
