package org.kervi.api.runtime;

import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ConsumerType;

/** Forwards a write from outside to the instance that owns a value; completes when the owner accepted it. */
@ConsumerType
@FunctionalInterface
public interface RemoteValueWriter {
    CompletableFuture<Void> write(String valueId, Object raw);
}
