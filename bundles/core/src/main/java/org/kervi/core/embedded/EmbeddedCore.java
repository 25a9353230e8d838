package org.kervi.core.embedded;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.kervi.api.actions.ActionService;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.runtime.ComponentInfo;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.Lifecycle;
import org.kervi.core.internal.ActionDispatcher;
import org.kervi.core.internal.ComponentTracker;
import org.kervi.core.internal.Registry;

/**
 * The core's registry, action dispatcher and component tracker wired by hand, as Declarative Services wires them in
 * Karaf, for a plain JVM: the seam the module authors' test kit ({@code kervi-testing}) runs on. Not exported to
 * OSGi; module code never sees it.
 */
public final class EmbeddedCore implements AutoCloseable {
    private final Registry registry;
    private final ActionDispatcher actions;
    private final ComponentTracker tracker;

    private EmbeddedCore(Builder builder) {
        EmbeddedConfig config = new EmbeddedConfig(builder.instanceId, builder.actionTimeout.toMillis(),
                builder.actionThreads);
        registry = new Registry(config);
        actions = new ActionDispatcher(config);
        actions.setRegistry(registry);
        tracker = new ComponentTracker(registry, actions, config, builder.pollScheduler);
    }

    /** @param pollScheduler where sensors schedule their polls; shut down by {@link #close()} */
    public static Builder builder(ScheduledExecutorService pollScheduler) {
        return new Builder(pollScheduler);
    }

    /** Registers a component as a bundle would; the reason when it is refused (a taken id, a bad action). */
    public Optional<String> add(KerviComponent component) {
        tracker.add(component, "");
        if (tracker.isAccepted(component)) {
            return Optional.empty();
        }
        return Optional.of(registry.components().stream()
                .filter(info -> info.id().equals(component.id()) && "refused".equals(info.state()))
                .map(ComponentInfo::error).reduce((first, later) -> later).orElse("refused by the core"));
    }

    public void remove(KerviComponent component) {
        tracker.remove(component);
    }

    public KerviRegistry registry() {
        return registry;
    }

    public ActionService actions() {
        return actions;
    }

    /** Not ready until {@link Lifecycle#markReady()}: components start then, as in an application's instances. */
    public Lifecycle lifecycle() {
        return tracker;
    }

    /** Stops every component, fails calls still running with {@code OWNER_GONE}, ends the core's threads. */
    @Override
    public void close() {
        tracker.deactivate();
        actions.deactivate();
    }

    public static final class Builder {
        private final ScheduledExecutorService pollScheduler;
        private String instanceId = "test";
        private Duration actionTimeout = Duration.ofSeconds(10);
        private int actionThreads = 4;

        private Builder(ScheduledExecutorService pollScheduler) {
            this.pollScheduler = Objects.requireNonNull(pollScheduler, "pollScheduler");
        }

        public Builder instanceId(String id) {
            this.instanceId = Objects.requireNonNull(id, "instanceId");
            return this;
        }

        /** The timeout of action calls whose action declares none. */
        public Builder actionTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("action timeout must be positive, was " + timeout);
            }
            this.actionTimeout = timeout;
            return this;
        }

        public Builder actionThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("action threads must be at least 1, was " + threads);
            }
            this.actionThreads = threads;
            return this;
        }

        public EmbeddedCore build() {
            return new EmbeddedCore(this);
        }
    }
}
