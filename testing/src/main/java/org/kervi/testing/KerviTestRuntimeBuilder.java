package org.kervi.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** How a test's {@link KerviTestRuntime} starts: {@code KerviTestRuntime.builder().zone(...).build()}. */
public final class KerviTestRuntimeBuilder {
    String instanceId = "test";
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    ZoneId zone = ZoneOffset.UTC;
    Duration actionTimeout = Duration.ofSeconds(10);

    KerviTestRuntimeBuilder() {}

    /** The instance id components see (default {@code test}). */
    public KerviTestRuntimeBuilder instanceId(String id) {
        this.instanceId = Objects.requireNonNull(id, "instanceId");
        return this;
    }

    /** Where the test's time starts (default 2026-01-01T00:00:00Z). */
    public KerviTestRuntimeBuilder startingAt(Instant instant) {
        this.start = Objects.requireNonNull(instant, "start");
        return this;
    }

    /** The zone of {@link KerviTestRuntime#clock()} (default UTC). */
    public KerviTestRuntimeBuilder zone(ZoneId newZone) {
        this.zone = Objects.requireNonNull(newZone, "zone");
        return this;
    }

    /** The timeout of calls to actions that declare none (default 10 s, as the core's default). */
    public KerviTestRuntimeBuilder actionTimeout(Duration timeout) {
        this.actionTimeout = Objects.requireNonNull(timeout, "actionTimeout");
        return this;
    }

    public KerviTestRuntime build() {
        return new KerviTestRuntime(this);
    }
}
