package org.kervi.shell.internal;

import java.util.ArrayList;
import java.util.List;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.LinkInfo;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.Value;

/**
 * The links of other instances, from the {@value Value#LINKED_TO} attribute their values carry over IPC. A link
 * counts as resolved when its source is known here: every instance sees the same directory, so its owner
 * resolves it the same way (its last error, if any, shows only in its own instance).
 */
final class RemoteLinks {
    private RemoteLinks() {}

    /** One entry per remote input and source, in the registry's order of values (by id). */
    static List<OwnedLink> of(KerviRegistry registry) {
        List<OwnedLink> links = new ArrayList<>();
        for (ValueEntry input : registry.values()) {
            if (input.local() || !(input.value().attributes().get(Value.LINKED_TO) instanceof List<?> sources)) {
                continue;
            }
            for (Object source : sources) {
                String sourceId = String.valueOf(source);
                String sourceOwner = registry.value(sourceId).map(ValueEntry::owner).orElse("");
                links.add(new OwnedLink(new LinkInfo(input.id(), sourceId, !sourceOwner.isEmpty(), sourceOwner, ""),
                        input.owner()));
            }
        }
        return links;
    }

    /** A link and the instance that owns its input. */
    record OwnedLink(LinkInfo link, String owner) {}
}
