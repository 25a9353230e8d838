package org.kervi.ipc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.kervi.api.Ids;
import org.kervi.api.status.InstanceKeys;
import org.kervi.ipc.internal.tcp.Hmac;
import org.kervi.security.PrivateFiles;

/** Instance keys derived from the master secret this instance holds. */
final class MasterInstanceKeys implements InstanceKeys {
    private final String applicationId;
    private final byte[] master;

    MasterInstanceKeys(String applicationId, byte[] master) {
        this.applicationId = applicationId;
        this.master = master;
    }

    @Override
    public String applicationId() {
        return applicationId;
    }

    @Override
    public String instanceKey(String instanceId) {
        if (!Ids.isValid(instanceId)) {
            throw new IllegalArgumentException("'" + instanceId + "' is not a valid instance id");
        }
        return new String(Hmac.instanceKey(master, applicationId, instanceId), StandardCharsets.UTF_8);
    }

    @Override
    public void writeInstanceKeyFile(String instanceId, Path file) throws IOException {
        PrivateFiles.replace(file, instanceKey(instanceId).getBytes(StandardCharsets.UTF_8));
    }
}
