package org.kervi.itests.multi;

import com.google.gson.JsonObject;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A fresh connection with a valid hello, again and again while the hub is attacked: each must get a challenge
 * that proves the hub's key within {@code bound}. Keeps the slowest answer; a missing or wrong one is a finding.
 */
final class ChallengeProbe {
    private final InetSocketAddress hub;
    private final HubHandshake handshake;
    private final FuzzTally tally;
    private final int boundMillis;
    private long slowestMillis;
    private long probes;

    ChallengeProbe(InetSocketAddress hub, HubHandshake handshake, FuzzTally tally, Duration bound) {
        this.hub = hub;
        this.handshake = handshake;
        this.tally = tally;
        this.boundMillis = (int) bound.toMillis();
    }

    synchronized void probe() {
        long start = System.nanoTime();
        JsonObject hello = handshake.hello("probe");
        try (Socket s = new Socket()) {
            s.connect(hub, boundMillis);
            s.setSoTimeout(boundMillis);
            HubWire.send(s.getOutputStream(), hello);
            JsonObject challenge = HubWire.read(new DataInputStream(s.getInputStream()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (challenge == null || !"challenge".equals(challenge.get("t").getAsString())) {
                tally.finding("a fresh connection's hello got " + challenge + " instead of a challenge");
            } else if (!handshake.hubProved(hello, challenge)) {
                tally.finding("the hub's challenge to a fresh connection does not prove its key: " + challenge);
            } else if (millis > boundMillis) {
                tally.finding("a fresh connection got its challenge after " + millis + " ms");
            }
            slowestMillis = Math.max(slowestMillis, millis);
            probes++;
        } catch (IOException e) {
            tally.finding("a fresh connection got no challenge within " + boundMillis + " ms: " + e);
        } catch (RuntimeException e) {
            // thrown out of a scheduled task, it would end the probing silently
            tally.finding("a fresh connection's challenge is not what the spec says: " + e);
        }
    }

    synchronized long slowestMillis() {
        return slowestMillis;
    }

    synchronized long probes() {
        return probes;
    }
}
