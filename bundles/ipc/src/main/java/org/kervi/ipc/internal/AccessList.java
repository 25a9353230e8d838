package org.kervi.ipc.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kervi.api.Ids;
import org.kervi.ipc.internal.tcp.AccessPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grants of pid {@code org.kervi.ipc.acl} (see {@link AclConfig}); a changed configuration applies to the next
 * call or write without restarting the hub. A key that names no valid instance is logged and ignored.
 */
@Component(service = AccessList.class, configurationPid = AccessPolicy.PID)
@Designate(ocd = AclConfig.class)
public final class AccessList {
    private static final Logger LOG = LoggerFactory.getLogger(AccessList.class);
    private volatile Map<String, List<String>> calls = Map.of();
    private volatile Map<String, List<String>> writes = Map.of();

    @Activate
    @Modified
    void apply(Map<String, Object> properties) {
        Map<String, List<String>> newCalls = new HashMap<>();
        Map<String, List<String>> newWrites = new HashMap<>();
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            String key = e.getKey();
            for (AccessPolicy.Kind kind : AccessPolicy.Kind.values()) {
                String suffix = "." + kind.key();
                if (!key.endsWith(suffix)) {
                    continue;
                }
                String instance = key.substring(0, key.length() - suffix.length());
                if (!Ids.isValid(instance)) {
                    LOG.error("Kervi IPC: {} key '{}' ignored: '{}' is not an instance id", AccessPolicy.PID, key,
                            instance);
                    continue;
                }
                List<String> globs = globs(e.getValue());
                if (!globs.isEmpty()) {
                    (kind == AccessPolicy.Kind.CALL ? newCalls : newWrites).put(instance, globs);
                }
            }
        }
        calls = Map.copyOf(newCalls);
        writes = Map.copyOf(newWrites);
        LOG.info("Kervi IPC: access list {}: calls {}, writes {}", AccessPolicy.PID, calls, writes);
    }

    AccessPolicy policy(String root) {
        return new AccessPolicy(root, calls, writes);
    }

    /** Globs from a comma-separated text, an array or a collection (ConfigAdmin may give any of them). */
    static List<String> globs(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof String[] array) {
            texts.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(o -> texts.add(String.valueOf(o)));
        } else if (value != null) {
            texts.add(String.valueOf(value));
        }
        List<String> globs = new ArrayList<>();
        for (String text : texts) {
            for (String glob : text.split(",")) {
                if (!glob.isBlank()) {
                    globs.add(glob.trim());
                }
            }
        }
        return List.copyOf(globs);
    }
}
