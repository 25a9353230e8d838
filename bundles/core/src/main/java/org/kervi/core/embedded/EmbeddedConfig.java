package org.kervi.core.embedded;

import java.lang.annotation.Annotation;
import org.kervi.core.internal.CoreConfig;

/** The core's configuration as ConfigAdmin would give it, for {@link EmbeddedCore}: never ready on start. */
record EmbeddedConfig(String instanceId, long actionTimeoutMillis, int actionThreads) implements CoreConfig {

    @Override
    public Class<? extends Annotation> annotationType() {
        return CoreConfig.class;
    }

    @Override
    public boolean readyOnStart() {
        return false;
    }

    @Override
    public int actionQueue() {
        return 1000;
    }

    @Override
    public int pollThreads() {
        return 1;
    }
}
