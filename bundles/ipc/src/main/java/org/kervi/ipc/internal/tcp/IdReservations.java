package org.kervi.ipc.internal.tcp;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The ids of a disconnected instance, kept for it for a grace period so that a module restart gets its ids back
 * and no other instance can take them meanwhile. A claim refused because of a reservation waits here; when the
 * reservation ends unclaimed, the waiting claim is granted (the claimant does not have to register again). Not
 * thread-safe: the hub uses it under its directory lock.
 *
 * @param <C> the claimant (the hub's peer)
 */
final class IdReservations<C> {
    record Reservation(String owner, long until) {
        long secondsLeft(long now) {
            return Math.max(1, (until - now + 999) / 1000);
        }
    }

    record Claim<C>(C claimant, String id, JsonObject descriptor) {}

    private final Map<String, Reservation> reserved = new HashMap<>();
    private final Map<String, Claim<C>> waiting = new HashMap<>();

    void reserve(String id, String owner, long until) {
        reserved.put(id, new Reservation(owner, until));
        waiting.remove(id);
    }

    /**
     * The reservation that refuses {@code claimant}'s claim of {@code id}, or null when it may have it. The owner's
     * own claim ends its reservation.
     */
    Reservation refusing(String id, String claimant, long now) {
        Reservation r = reserved.get(id);
        if (r == null) {
            return null;
        }
        if (r.owner().equals(claimant) || r.until() <= now) {
            reserved.remove(id);
            waiting.remove(id);
            return null;
        }
        return r;
    }

    /** Remembers a refused claim; the first claimant of an id is served first. */
    void await(Claim<C> claim) {
        waiting.putIfAbsent(claim.id(), claim);
    }

    /** Ends the reservations past their time; returns the claims that waited for them. */
    List<Claim<C>> expire(long now) {
        List<Claim<C>> granted = new ArrayList<>();
        for (Iterator<Map.Entry<String, Reservation>> it = reserved.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Reservation> e = it.next();
            if (e.getValue().until() <= now) {
                it.remove();
                Claim<C> claim = waiting.remove(e.getKey());
                if (claim != null) {
                    granted.add(claim);
                }
            }
        }
        return granted;
    }

    /** Forgets the waiting claims of a claimant that went away. */
    void forget(C claimant) {
        waiting.values().removeIf(c -> c.claimant() == claimant);
    }

    int size() {
        return reserved.size();
    }
}
