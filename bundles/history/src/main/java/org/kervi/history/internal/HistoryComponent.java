package org.kervi.history.internal;

import java.util.Hashtable;
import org.kervi.api.Registration;
import org.kervi.api.history.ValueHistory;
import org.kervi.api.runtime.KerviRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the changes of every value this instance sees (local and remote) into the configured store and registers
 * the {@link ValueHistory} service. It registers the service itself, without properties: a DS service would carry
 * the configuration, the database password included, as service properties for anyone to list. A bad configuration
 * is refused with one log line naming every problem, and no service is registered until it is fixed. A
 * configuration change re-creates the component (the queue is written first).
 */
@Component(configurationPid = HistorySettings.PID, immediate = true)
@Designate(ocd = HistoryConfig.class)
public class HistoryComponent {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryComponent.class);
    private static final long MAX_BACKOFF_MILLIS = 60_000;
    private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 5_000;

    private final RecordedHistory history;
    private final Registration subscription;
    private final ServiceRegistration<ValueHistory> service;

    @Activate
    public HistoryComponent(@Reference KerviRegistry registry, HistoryConfig config, BundleContext context) {
        HistorySettings settings;
        try {
            settings = HistorySettings.of(config, System.getProperty("karaf.data"));
        } catch (IllegalArgumentException e) {
            LOG.error("Value history not started, its configuration is refused: {}", e.getMessage());
            throw e;
        }
        this.history = new RecordedHistory(settings, open(settings), MAX_BACKOFF_MILLIS).start();
        this.subscription = registry.subscribeAll(history::changed);
        this.service = context.registerService(ValueHistory.class, history, new Hashtable<>());
        LOG.info("Value history recording into {} {} (batches every {} ms, raw kept {} days)",
                settings.store().label(), settings.location(), settings.batchMillis(),
                settings.rawRetention().toDays());
    }

    static HistoryStore open(HistorySettings settings) {
        return switch (settings.store()) {
            case SQLITE -> new SqliteHistoryStore(settings.file(), SQLITE_BUSY_TIMEOUT_MILLIS);
            case POSTGRESQL -> new PostgresHistoryStore(settings.url(), settings.user(), settings.password());
        };
    }

    @Deactivate
    void deactivate() {
        try {
            service.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
        subscription.close();
        history.close();
    }
}
