package org.kervi.api.status;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The dashboard's live streams, for {@code kervi:dashboard-streams}; a service of the {@code kervi-dashboard} bundle. */
@ProviderType
public interface DashboardStreams {

    /** One open live stream. */
    record Stream(long id, String user, String remote, long openedAtMillis, long writes, long coalesced) {}

    /** The dashboard's URL path, e.g. {@code /kervi}. */
    String path();

    List<Stream> streams();

    /** Closes every live stream; browsers reconnect and resync. Returns how many were closed. */
    int dropStreams();
}
