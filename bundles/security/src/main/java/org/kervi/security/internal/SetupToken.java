package org.kervi.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.kervi.security.FirstRunRefusedException;

/** The one-time token of the first-run page: random, single use, expiring. */
final class SetupToken {
    static final Duration VALIDITY = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;
    private final Instant expires;
    private final Clock clock;
    private boolean used;

    private SetupToken(String value, Instant expires, Clock clock) {
        this.value = value;
        this.expires = expires;
        this.clock = clock;
    }

    static SetupToken create(Clock clock) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new SetupToken(HexFormat.of().formatHex(bytes), clock.instant().plus(VALIDITY), clock);
    }

    String value() {
        return value;
    }

    /** Throws with the reason unless {@code offered} is this token, unused and not expired. */
    synchronized void check(String offered) throws FirstRunRefusedException {
        if (offered == null || offered.isBlank()) {
            throw new FirstRunRefusedException("the first-run page needs the one-time token printed on the root's"
                    + " console and log when it is not opened from this machine (loopback)");
        }
        if (used) {
            throw new FirstRunRefusedException("this one-time token was used already");
        }
        if (clock.instant().isAfter(expires)) {
            throw new FirstRunRefusedException("this one-time token expired (valid " + VALIDITY.toHours()
                    + " h); restart the root for a new one or use kervi:passwd at its console");
        }
        if (!MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                offered.trim().getBytes(StandardCharsets.UTF_8))) {
            throw new FirstRunRefusedException("wrong one-time token");
        }
    }

    synchronized void use() {
        used = true;
    }
}
