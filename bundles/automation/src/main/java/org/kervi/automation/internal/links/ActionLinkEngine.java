package org.kervi.automation.internal.links;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kervi.api.Registration;
import org.kervi.api.actionlinks.ActionLinkSpec;
import org.kervi.api.actionlinks.ActionLinkState;
import org.kervi.api.actionlinks.ActionLinkStatus;
import org.kervi.api.actionlinks.ActionLinks;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.RegistryListener;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.ValueChange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this instance's action links: one subscription to every value change (local and remote), dispatched by value
 * id to the links watching it. Links come from code ({@link #add}) and from configurations
 * ({@link ActionLinkConfiguration}), which also report refused configurations here so the shell lists them.
 */
@Component(service = {ActionLinks.class, ActionLinkEngine.class})
public final class ActionLinkEngine implements ActionLinks {
    private static final Logger LOG = LoggerFactory.getLogger(ActionLinkEngine.class);
    private final KerviRegistry registry;
    private final ActionStarter starter;
    private final Clock clock;
    private final Map<String, LinkRunner> byId = new ConcurrentHashMap<>();
    private final Map<String, List<LinkRunner>> byValue = new ConcurrentHashMap<>();
    private final Map<String, ActionLinkStatus> invalid = new ConcurrentHashMap<>();
    private final Registration changes;
    private final Registration appearances;

    @Activate
    public ActionLinkEngine(@Reference KerviRegistry registry, @Reference ActionService actions) {
        this(registry, new ServiceStarter(actions), Clock.systemUTC());
    }

    ActionLinkEngine(KerviRegistry registry, ActionStarter starter, Clock clock) {
        this.registry = registry;
        this.starter = starter;
        this.clock = clock;
        this.changes = registry.subscribeAll(this::changed);
        this.appearances = registry.addListener(new RegistryListener() {
            @Override
            public void valueAdded(ValueEntry entry) {
                current(entry);
            }
        });
    }

    @Deactivate
    void deactivate() {
        changes.close();
        appearances.close();
    }

    @Override
    public Registration add(ActionLinkSpec spec) {
        return add(spec, "code");
    }

    Registration add(ActionLinkSpec spec, String origin) {
        LinkRunner runner = new LinkRunner(spec, origin, starter, clock);
        if (byId.putIfAbsent(spec.id(), runner) != null || invalid.containsKey(spec.id())) {
            byId.remove(spec.id(), runner);
            throw new IllegalArgumentException("an action link with id '" + spec.id() + "' exists already ("
                    + originOf(spec.id()) + "); give this one another id");
        }
        byValue.computeIfAbsent(spec.valueId(), id -> new CopyOnWriteArrayList<>()).add(runner);
        LOG.info("Action link '{}' added ({}): {}", spec.id(), origin, spec.describe());
        registry.value(spec.valueId()).ifPresent(this::current);
        return () -> remove(runner);
    }

    /** Lists a refused configuration until it is corrected or deleted. */
    Registration addInvalid(String id, String origin, String error) {
        ActionLinkStatus status = new ActionLinkStatus(id, null, origin, ActionLinkState.INVALID, null, 0, 0, 0,
                error);
        invalid.put(id, status);
        return () -> invalid.remove(id, status);
    }

    private String originOf(String id) {
        LinkRunner existing = byId.get(id);
        return existing != null ? existing.status(true).origin() : invalid.get(id).origin();
    }

    private void remove(LinkRunner runner) {
        if (byId.remove(runner.spec().id(), runner)) {
            List<LinkRunner> watching = byValue.get(runner.spec().valueId());
            if (watching != null) {
                watching.remove(runner);
            }
            LOG.info("Action link '{}' removed", runner.spec().id());
        }
    }

    private void changed(ValueChange<?> change) {
        List<LinkRunner> watching = byValue.get(change.id());
        if (watching != null) {
            for (LinkRunner runner : watching) {
                runner.update(change.current());
            }
        }
    }

    private void current(ValueEntry entry) {
        List<LinkRunner> watching = byValue.get(entry.id());
        Object value = entry.value().get();
        if (watching != null && value != null) {
            for (LinkRunner runner : watching) {
                runner.update(value);
            }
        }
    }

    @Override
    public List<ActionLinkStatus> links() {
        List<ActionLinkStatus> all = new ArrayList<>(invalid.values());
        for (LinkRunner runner : byId.values()) {
            all.add(runner.status(registry.value(runner.spec().valueId()).isPresent()));
        }
        all.sort(Comparator.comparing(ActionLinkStatus::id));
        return all;
    }
}
