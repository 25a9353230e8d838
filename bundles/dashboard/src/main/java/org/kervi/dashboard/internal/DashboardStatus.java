package org.kervi.dashboard.internal;

import java.util.List;

/** What {@code kervi:dashboard-streams} shows and does; a service of this bundle only. */
public interface DashboardStatus {

    /** One open live stream. */
    record Stream(long id, String user, String remote, long openedAtMillis, long writes, long coalesced) {}

    /** The dashboard's URL path, e.g. {@code /kervi}. */
    String path();

    List<Stream> streams();

    /** Closes every live stream; browsers reconnect and resync. Returns how many were closed. */
    int dropStreams();
}
