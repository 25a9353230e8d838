package org.kervi.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.LinkInfo;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.LinkDirection;
import org.kervi.api.values.Value;

/**
 * The links of other instances, from the {@value Value#LINKED_TO} attribute their values carry over IPC. A link
 * counts as resolved when its source is known here and may be followed: every instance sees the same directory, so
 * its owner resolves it the same way (a source that is an input shows with the reason, as in the owner; other
 * errors show only in the owner instance).
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
                Optional<ValueEntry> found = registry.value(sourceId);
                String refusal = found.flatMap(s -> LinkDirection.sourceProblem(input.value(), sourceId,
                        s.value().role())).orElse("");
                boolean resolved = found.isPresent() && refusal.isEmpty();
                links.add(new OwnedLink(new LinkInfo(input.id(), sourceId, resolved,
                        resolved ? found.get().owner() : "", refusal), input.owner()));
            }
        }
        return links;
    }

    /** A link and the instance that owns its input. */
    record OwnedLink(LinkInfo link, String owner) {}
}
