package org.kervi.devices.pi4j.internal;

import java.util.Optional;

/**
 * One provider of a platform: in the context, or left out with the reason and the fix. {@code problem} is empty when
 * the provider is in use.
 */
record ProviderStatus(IoKind kind, String platform, String provider, Optional<String> problem) {

    static ProviderStatus inUse(IoKind kind, String platform, String provider) {
        return new ProviderStatus(kind, platform, provider, Optional.empty());
    }

    static ProviderStatus unavailable(IoKind kind, String platform, String provider, String problem) {
        return new ProviderStatus(kind, platform, provider, Optional.of(problem));
    }

    boolean available() {
        return problem.isEmpty();
    }

    /** The sentence an operator reads in the log and a driver in its {@code UNAVAILABLE} error. */
    String describe() {
        return problem.map(why -> kind.label() + " is unavailable on platform " + platform + " (provider " + provider
                + "): " + why).orElse(kind.label() + " through " + provider + " on platform " + platform);
    }
}
