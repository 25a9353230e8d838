package org.kervi.messaging.internal;

import java.util.Locale;

/** How the SMTP connection is protected. */
enum SmtpSecurity {
    /** Plain connection upgraded with STARTTLS, which the server must offer. */
    STARTTLS(587),
    /** TLS from the first byte. */
    SMTPS(465),
    /** No TLS: only for a relay on this machine; refused together with credentials. */
    NONE(25);

    final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    static SmtpSecurity parse(String text, Problems problems) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("security", "'" + text + "' is not one of starttls, smtps, none");
            return STARTTLS;
        }
    }

    String scheme() {
        return this == SMTPS ? "smtps" : "smtp";
    }
}
