package org.kervi.automation.internal.ranges;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.Registration;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.api.userlog.UserLogListener;
import org.kervi.api.values.NumberValue;

class RangeLoggingTest {

    /** Records what is logged. */
    static final class Recorded implements UserLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void log(UserLogLevel level, String sourceId, String message) {
            lines.add(level + " " + sourceId + ": " + message);
        }

        @Override
        public List<UserLogEntry> entries(UserLogLevel atLeast, Instant since, int limit) {
            return List.of();
        }

        @Override
        public Registration addListener(UserLogListener listener) {
            return () -> {};
        }
    }

    @Test
    void rangeChangesAreLoggedAtTheirLevelAndAQuietStartIsNot() {
        Recorded log = new Recorded();
        NumberValue temp = new NumberValue("temp", "Temperature").unit("°C").addNormalRange(0, 60)
                .addWarningRange(60, 80, "Temperature high").addErrorRange(80, 200);
        temp.addRangeListener(new RangeLogging(log));
        temp.set(20);
        temp.set(70);
        temp.set(90);
        temp.set(30);
        assertEquals(List.of("WARNING temp: Temperature high",
                "ERROR temp: Temperature 90 °C is in the error range [80, 200]",
                "INFO temp: Temperature 30 °C is in the normal range [0, 60]"), log.lines);
    }

    @Test
    void aValueThatStartsInAWarningRangeIsLogged() {
        Recorded log = new Recorded();
        NumberValue temp = new NumberValue("temp", "Temperature").addWarningRange(60, 80);
        temp.addRangeListener(new RangeLogging(log));
        temp.set(70);
        assertEquals(List.of("WARNING temp: Temperature 70 is in the warning range [60, 80]"), log.lines);
    }
}
