package org.kervi.messaging.internal;

import java.time.Instant;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

/**
 * What a channel sends: one user-log entry, the summary of entries its rate limit held back, or a test message.
 *
 * @param suppressed how many entries a summary stands for; 0 otherwise
 */
record ChannelMessage(Kind kind, Instant time, UserLogLevel level, String sourceId, String instance, String text,
        int suppressed) {

    private static final int SUBJECT_TEXT_LENGTH = 100;

    enum Kind {
        ENTRY, SUPPRESSED, TEST;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static ChannelMessage entry(UserLogEntry entry) {
        return new ChannelMessage(Kind.ENTRY, entry.time(), entry.level(), entry.sourceId(), entry.instance(),
                entry.message(), 0);
    }

    static ChannelMessage suppressed(RateLimit.Suppressed held, String rateLimit) {
        UserLogEntry last = held.last();
        String text = held.count() + " more " + (held.count() == 1 ? "entry" : "entries")
                + " suppressed by the rate limit (" + rateLimit + ") between " + held.first().time() + " and "
                + last.time() + "; highest level " + held.highest() + "; last: " + last.level() + " "
                + last.sourceId() + ": " + last.message();
        return new ChannelMessage(Kind.SUPPRESSED, last.time(), held.highest(), last.sourceId(), last.instance(), text,
                held.count());
    }

    static ChannelMessage test(String channelId, String instance, Instant now) {
        return new ChannelMessage(Kind.TEST, now, UserLogLevel.INFO, "messaging." + channelId, instance,
                "Test message of channel " + channelId + " (kervi:channel-test)", 0);
    }

    /** A one-line subject: the level, the source and the start of the text. */
    String subject(String prefix) {
        String head = kind == Kind.SUPPRESSED ? suppressed + " more entries suppressed" : text;
        if (head.length() > SUBJECT_TEXT_LENGTH) {
            head = head.substring(0, SUBJECT_TEXT_LENGTH - 1) + "…";
        }
        String subject = level + " " + sourceId + ": " + head.replaceAll("\\s+", " ");
        return prefix.isEmpty() ? subject : prefix + " " + subject;
    }

    /** A plain-text body: the text, then when, where from and what about. */
    String body() {
        return text + "\n\nlevel:    " + level + "\nsource:   " + sourceId + "\ninstance: " + instance + "\ntime:     "
                + time + "\n";
    }
}
