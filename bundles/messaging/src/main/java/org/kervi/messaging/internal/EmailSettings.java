package org.kervi.messaging.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/** {@link EmailChannelConfig} checked: every problem named at once, with the pid and the field. */
record EmailSettings(CommonSettings common, String host, int port, SmtpSecurity security, SSLContext trust,
        String username, String password, InternetAddress from, List<InternetAddress> to, String subjectPrefix,
        Duration timeout) {

    static final String FACTORY_PID = "org.kervi.messaging.email";

    static EmailSettings of(String pid, EmailChannelConfig c) {
        Problems problems = new Problems();
        CommonSettings common = CommonSettings.of(c.id(), c.minLevel(), c.sources(), c.maxMessages(),
                c.perSeconds(), problems);
        String host = c.host().trim();
        if (host.isEmpty()) {
            problems.add("host", "missing: name the SMTP server");
        }
        SmtpSecurity security = SmtpSecurity.parse(c.security(), problems);
        int port = c.port() == 0 ? security.defaultPort : c.port();
        if (port < 1 || port > 65535) {
            problems.add("port", c.port() + " is not a TCP port (1-65535, or 0 for the default)");
        }
        SSLContext trust = TrustedCertificates.context(c.trustedCertificates(), problems);
        String username = c.username().trim();
        String password = Secrets.read(c.password(), "passwordFile", c.passwordFile(), "password", problems);
        if (username.isEmpty() != password.isEmpty()) {
            problems.add(username.isEmpty() ? "username" : "password", "give both username and a password"
                    + " (password or passwordFile), or neither");
        }
        if (security == SmtpSecurity.NONE && !username.isEmpty()) {
            problems.add("security", "none would send the credentials in clear: use starttls or smtps");
        }
        InternetAddress from = null;
        if (c.from().isBlank()) {
            problems.add("from", "missing: give an email address");
        } else {
            from = problems.attempt(() -> address("from", c.from()));
        }
        List<InternetAddress> to = problems.each(c.to(), text -> address("to", text));
        if (Problems.split(c.to()).isEmpty()) {
            problems.add("to", "missing: name at least one recipient");
        }
        CommonSettings.checkTimeout(c.timeoutSeconds(), problems);
        problems.throwIfAny(pid);
        return new EmailSettings(common, host, port, security, trust, username, password, from, to,
                c.subjectPrefix().trim(), Duration.ofSeconds(c.timeoutSeconds()));
    }

    /** The server and the recipients, without credentials. */
    String target() {
        return security.scheme() + "://" + host + ":" + port + (security == SmtpSecurity.STARTTLS ? " (starttls)"
                : "") + " to " + String.join(", ", to.stream().map(InternetAddress::getAddress).toList());
    }

    private static InternetAddress address(String field, String text) {
        try {
            InternetAddress address = new InternetAddress(text.trim(), true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException(field + ": '" + text.trim() + "' is not an email address");
        }
    }
}
