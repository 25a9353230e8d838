package org.kervi.history.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.kervi.api.Registration;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.history.HistorySeries;
import org.kervi.api.history.HistoryStatus;
import org.kervi.api.history.StoredValue;
import org.kervi.api.history.ValueHistory;
import org.kervi.api.runtime.KerviRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ValueHistory} service: records the changes of every value this instance sees (local and remote)
 * into the configured store. A bad configuration is refused with one log line naming every problem, and no service
 * is registered until it is fixed. A configuration change re-creates the component (the queue is written first).
 */
@Component(service = ValueHistory.class, configurationPid = HistorySettings.PID, immediate = true)
@Designate(ocd = HistoryConfig.class)
public class HistoryComponent implements ValueHistory {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryComponent.class);
    private static final long MAX_BACKOFF_MILLIS = 60_000;
    private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 5_000;

    private final RecordedHistory history;
    private final Registration subscription;

    @Activate
    public HistoryComponent(@Reference KerviRegistry registry, HistoryConfig config) {
        HistorySettings settings;
        try {
            settings = HistorySettings.of(config, System.getProperty("karaf.data"));
        } catch (IllegalArgumentException e) {
            LOG.error("Value history not started, its configuration is refused: {}", e.getMessage());
            throw e;
        }
        this.history = new RecordedHistory(settings, open(settings), MAX_BACKOFF_MILLIS).start();
        this.subscription = registry.subscribeAll(history::changed);
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
        subscription.close();
        history.close();
    }

    @Override
    public HistorySeries history(String id, long fromMillis, long toMillis, int maxPoints) {
        return history.history(id, fromMillis, toMillis, maxPoints);
    }

    @Override
    public Map<String, StoredValue> lastValues(Collection<String> ids) {
        return history.lastValues(ids);
    }

    @Override
    public void keepState(String id, Object value) {
        history.keepState(id, value);
    }

    @Override
    public Map<String, StoredValue> keptStates() {
        return history.keptStates();
    }

    @Override
    public int importPoints(String id, List<HistoryPoint> points) {
        return history.importPoints(id, points);
    }

    @Override
    public HistoryStatus status() {
        return history.status();
    }
}
