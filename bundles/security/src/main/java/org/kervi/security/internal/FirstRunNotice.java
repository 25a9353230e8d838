package org.kervi.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one line that tells an operator of a fresh production instance how to set the admin password. */
final class FirstRunNotice {
    static final String PREFIX = "Kervi first run:";
    private static final Logger LOG = LoggerFactory.getLogger(FirstRunNotice.class);

    private FirstRunNotice() {
    }

    static String line(SetupToken token) {
        return PREFIX + " no administrator yet. Set one with 'kervi:passwd <user>' at this instance's console, or on"
                + " the dashboard's page /kervi/setup (from this machine; from elsewhere /kervi/setup?token="
                + token.value() + "). One-time token: " + token.value() + " (valid " + SetupToken.VALIDITY.toHours()
                + " h)";
    }

    static void print(SetupToken token) {
        String line = line(token);
        System.out.println(line);
        LOG.warn(line);
    }
}
