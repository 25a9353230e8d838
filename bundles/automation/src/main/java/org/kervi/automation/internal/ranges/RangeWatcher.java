package org.kervi.automation.internal.ranges;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kervi.api.Registration;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.RegistryListener;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.values.NumberValue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Logs the range changes of the number values this instance owns (proxies are left to their owner, so each change
 * is logged once, where it happened).
 */
@Component(service = {}, immediate = true)
public final class RangeWatcher {
    private final UserLog log;
    private final Map<String, Registration> watched = new ConcurrentHashMap<>();
    private final Registration registryListener;

    @Activate
    public RangeWatcher(@Reference KerviRegistry registry, @Reference UserLog log) {
        this.log = log;
        registryListener = registry.addListener(new RegistryListener() {
            @Override
            public void valueAdded(ValueEntry entry) {
                watch(entry);
            }

            @Override
            public void valueRemoved(ValueEntry entry) {
                Registration r = watched.remove(entry.id());
                if (r != null) {
                    r.close();
                }
            }
        });
        registry.values().forEach(this::watch);
    }

    private void watch(ValueEntry entry) {
        if (entry.local() && entry.value() instanceof NumberValue number) {
            watched.computeIfAbsent(entry.id(), id -> number.addRangeListener(new RangeLogging(log)));
        }
    }

    @Deactivate
    void deactivate() {
        registryListener.close();
        watched.values().forEach(Registration::close);
        watched.clear();
    }
}
