package org.kervi.core.internal;

import java.lang.annotation.Annotation;

/** A {@link CoreConfig} as ConfigAdmin would give it, with a few knobs for tests. */
final class TestConfig implements CoreConfig {
    boolean readyOnStart = true;
    long actionTimeoutMillis = 2_000;
    int actionQueue = 1000;

    @Override
    public Class<? extends Annotation> annotationType() {
        return CoreConfig.class;
    }

    @Override
    public String instanceId() {
        return "test-instance";
    }

    @Override
    public boolean readyOnStart() {
        return readyOnStart;
    }

    @Override
    public long actionTimeoutMillis() {
        return actionTimeoutMillis;
    }

    @Override
    public int actionThreads() {
        return 4;
    }

    @Override
    public int actionQueue() {
        return actionQueue;
    }

    @Override
    public int pollThreads() {
        return 1;
    }
}
