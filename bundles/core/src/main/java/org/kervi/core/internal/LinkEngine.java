package org.kervi.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.kervi.api.Registration;
import org.kervi.api.runtime.LinkInfo;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.Link;
import org.kervi.api.values.LinkDirection;
import org.kervi.api.values.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the links of registered values to their sources as sources come and go. Not thread-safe: the
 * {@link Registry} calls it under its lock, and runs the returned deliveries (current values of newly resolved
 * sources) after releasing it.
 */
final class LinkEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LinkEngine.class);
    private final Map<String, List<Binding>> bySource = new HashMap<>();
    private final Set<Link> known = Collections.newSetFromMap(new IdentityHashMap<>());

    private static final class Binding {
        final Link link;
        Registration subscription;

        Binding(Link link) {
            this.link = link;
        }
    }

    /**
     * Adds links of a newly registered value, or one added later by {@code linkTo}; resolves those whose source is
     * known already. A link added before is ignored.
     */
    List<Runnable> addLinks(Collection<Link> links, Function<String, ValueEntry> lookup, String localOwner) {
        List<Runnable> deliveries = new ArrayList<>();
        for (Link link : links) {
            if (!known.add(link)) {
                continue;
            }
            Binding binding = new Binding(link);
            bySource.computeIfAbsent(link.sourceId(), k -> new ArrayList<>()).add(binding);
            if (link.byObject()) {
                ValueEntry entry = lookup.apply(link.sourceId());
                String owner = entry != null && entry.value() == link.sourceObject() ? entry.owner() : localOwner;
                resolve(binding, link.sourceObject(), owner, deliveries);
            } else {
                ValueEntry entry = lookup.apply(link.sourceId());
                if (entry != null) {
                    resolve(binding, entry.value(), entry.owner(), deliveries);
                }
            }
        }
        return deliveries;
    }

    /** Drops the links of a value that leaves. */
    void removeLinks(Collection<Link> links) {
        for (Link link : links) {
            known.remove(link);
            List<Binding> bindings = bySource.get(link.sourceId());
            if (bindings == null) {
                continue;
            }
            bindings.removeIf(b -> {
                if (b.link != link) {
                    return false;
                }
                unresolve(b);
                return true;
            });
            if (bindings.isEmpty()) {
                bySource.remove(link.sourceId());
            }
        }
    }

    /** A value appeared: resolves the id links waiting for it. */
    List<Runnable> sourceAdded(ValueEntry entry) {
        List<Runnable> deliveries = new ArrayList<>();
        for (Binding b : bySource.getOrDefault(entry.id(), List.of())) {
            if (!b.link.byObject() && !b.link.isResolved()) {
                resolve(b, entry.value(), entry.owner(), deliveries);
            }
        }
        return deliveries;
    }

    /** A value left: its id links become unresolved. */
    void sourceRemoved(String id) {
        for (Binding b : bySource.getOrDefault(id, List.of())) {
            if (!b.link.byObject()) {
                unresolve(b);
            }
        }
    }

    List<LinkInfo> describe() {
        List<LinkInfo> infos = new ArrayList<>();
        bySource.values().forEach(bindings -> bindings.forEach(b -> infos.add(new LinkInfo(b.link.input().id(),
                b.link.sourceId(), b.link.isResolved(), b.link.sourceOwner(), b.link.lastError()))));
        return infos;
    }

    private static void resolve(Binding binding, Value<?> source, String owner, List<Runnable> deliveries) {
        Link link = binding.link;
        Optional<String> problem = LinkDirection.sourceProblem(link.input(), source.id(), source.role());
        if (problem.isPresent()) {
            link.markRefused(problem.get());
            LOG.warn("Kervi link not resolved: {}", problem.get());
            return;
        }
        binding.subscription = source.addListener(change -> link.deliver(change.current()));
        link.markResolved(owner);
        if (source.hasFired()) {
            deliveries.add(() -> link.deliver(source.get()));
        }
    }

    private static void unresolve(Binding binding) {
        if (binding.subscription != null) {
            binding.subscription.close();
            binding.subscription = null;
        }
        binding.link.markUnresolved();
    }
}
