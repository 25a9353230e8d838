package org.kervi.messaging.internal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Sends each message as one plain-text email, on a new SMTP connection (messages are rare by design). */
final class SmtpTransport implements Transport {
    private final EmailSettings settings;
    private final Session session;

    SmtpTransport(EmailSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    @Override
    public void send(ChannelMessage message) throws MessagingException {
        // The mail and activation APIs look up their providers through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(settings.from());
            mail.setRecipients(Message.RecipientType.TO, settings.to().toArray(InternetAddress[]::new));
            mail.setSubject(message.subject(settings.subjectPrefix()), StandardCharsets.UTF_8.name());
            mail.setText(message.body(), StandardCharsets.UTF_8.name());
            mail.setSentDate(Date.from(message.time()));
            try (jakarta.mail.Transport transport = session.getTransport(settings.security().scheme())) {
                if (settings.username().isEmpty()) {
                    transport.connect(settings.host(), settings.port(), null, null);
                } else {
                    transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                }
                transport.sendMessage(mail, mail.getAllRecipients());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String target() {
        return settings.target();
    }

    private static Properties properties(EmailSettings s) {
        String p = "mail." + s.security().scheme() + ".";
        String timeout = Long.toString(s.timeout().toMillis());
        Properties props = new Properties();
        props.put(p + "connectiontimeout", timeout);
        props.put(p + "timeout", timeout);
        props.put(p + "writetimeout", timeout);
        props.put(p + "auth", Boolean.toString(!s.username().isEmpty()));
        if (s.security() == SmtpSecurity.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (s.security() != SmtpSecurity.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
            props.put(p + "ssl.protocols", "TLSv1.3 TLSv1.2");
            if (s.trust() != null) {
                props.put(p + "ssl.socketFactory", s.trust().getSocketFactory());
            }
        }
        return props;
    }
}
