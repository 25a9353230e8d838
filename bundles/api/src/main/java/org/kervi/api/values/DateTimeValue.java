package org.kervi.api.values;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A point in time (null until set). From outside it takes ISO-8601 text with an offset
 * ({@code 2026-11-25T10:00:00Z}), local date-time text (read in the instance's time zone) or epoch milliseconds.
 */
public class DateTimeValue extends Value<Instant> {

    public DateTimeValue(String id, String name) {
        super(id, name, ValueKind.DATETIME, null);
    }

    @Override
    public Instant convert(Object raw) {
        if (raw instanceof Instant instant) {
            return instant;
        }
        if (raw instanceof Number millis && millis.doubleValue() == Math.rint(millis.doubleValue())) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        if (raw instanceof CharSequence chars) {
            String text = chars.toString().trim();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notWithOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
                } catch (DateTimeParseException notLocal) {
                    throw new ValueRejectedException(id(), "expected an ISO-8601 date-time such as"
                            + " 2026-11-25T10:00:00Z, got " + ValueRejectedException.describe(raw));
                }
            }
        }
        throw new ValueRejectedException(id(), "expected a date-time, got " + ValueRejectedException.describe(raw));
    }
}
