package org.kervi.api.status;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The keys of an application's instances, each derived from the master secret: a service of the {@code kervi-ipc}
 * bundle in an instance that holds the master (the root). A key authenticates its own instance id only.
 */
@ProviderType
public interface InstanceKeys {
    String applicationId();

    /** The key an operator configures ({@code instanceKey}) on a machine that joins as {@code instanceId}. */
    String instanceKey(String instanceId);

    /** Writes the key of {@code instanceId} to {@code file}, owner-only from its creation on, replacing an older one. */
    void writeInstanceKeyFile(String instanceId, Path file) throws IOException;
}
