package org.kervi.devices.pi4j.internal;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.context.ContextBuilder;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.provider.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds Pi4J contexts with their providers named one by one. Pi4J's auto-detection uses
 * {@link java.util.ServiceLoader} on the thread context class loader, which finds nothing inside OSGi, so it is always
 * switched off. A provider that cannot work here is left out with its reason; the context starts without it.
 */
final class Pi4jContexts {
    private Pi4jContexts() {}

    static Pi4jSetup create(PlatformChoice platform, ProviderChecks checks) {
        List<ProviderCandidate> candidates = platform == PlatformChoice.MOCK
                ? PlatformProviders.mock()
                : PlatformProviders.of(platform, checks);
        return build(platform, candidates);
    }

    static Context mock() {
        return build(PlatformChoice.MOCK, PlatformProviders.mock()).context();
    }

    private static Pi4jSetup build(PlatformChoice platform, List<ProviderCandidate> candidates) {
        String name = platform.configName();
        List<ProviderStatus> statuses = new ArrayList<>();
        List<Provider> providers = new ArrayList<>();
        for (ProviderCandidate candidate : candidates) {
            Optional<String> problem = candidate.check().get();
            if (problem.isEmpty()) {
                try {
                    providers.add(candidate.provider().get());
                    statuses.add(ProviderStatus.inUse(candidate.kind(), name, candidate.id()));
                    continue;
                } catch (RuntimeException | LinkageError e) {
                    problem = Optional.of("Pi4J could not construct it: " + e);
                }
            }
            statuses.add(ProviderStatus.unavailable(candidate.kind(), name, candidate.id(), problem.get()));
        }
        ContextBuilder builder = Pi4J.newContextBuilder().noAutoDetect();
        if (platform == PlatformChoice.MOCK) {
            builder.add(new MockPlatform());
        }
        try {
            return new Pi4jSetup(builder.add(providers.toArray(Provider[]::new)).build(), statuses);
        } catch (RuntimeException | LinkageError e) {
            String why = "Pi4J could not start the providers: " + e;
            return new Pi4jSetup(Pi4J.newContextBuilder().noAutoDetect().build(), statuses.stream()
                    .map(status -> ProviderStatus.unavailable(status.kind(), name, status.provider(),
                            status.problem().orElse(why)))
                    .toList());
        }
    }
}
