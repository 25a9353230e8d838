package org.kervi.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.Registration;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.api.userlog.UserLogListener;
import org.kervi.shell.internal.Display.CommandFailure;

class LogCommandTest {
    private final List<Object[]> asked = new ArrayList<>();
    private final UserLog log = new UserLog() {
        @Override
        public void log(UserLogLevel level, String sourceId, String message) {}

        @Override
        public List<UserLogEntry> entries(UserLogLevel atLeast, Instant since, int limit) {
            asked.add(new Object[] {atLeast, since, limit});
            return List.of(new UserLogEntry(Instant.parse("2026-12-05T06:00:00Z"), UserLogLevel.WARNING,
                    "fan_controller.temperature", "controllers", "Temperature high"));
        }

        @Override
        public Registration addListener(UserLogListener listener) {
            return () -> {};
        }
    };

    @Test
    void sinceTakesADurationOrAnIsoTimeAndSaysWhatItWanted() {
        Instant now = Instant.parse("2026-12-05T06:30:00Z");
        assertEquals(Instant.parse("2026-12-05T06:20:00Z"), LogSince.parse("10m", now));
        assertEquals(Instant.parse("2026-12-05T01:00:00Z"), LogSince.parse("2026-12-05T01:00:00Z", now));
        assertEquals(null, LogSince.parse(null, now));
        assertEquals("--since 'yesterday' is neither a duration like 90s, 10m, 24h, 7d nor an ISO-8601 time such"
                + " as 2026-12-05T06:30:00Z", assertThrows(IllegalArgumentException.class,
                        () -> LogSince.parse("yesterday", now)).getMessage());
    }

    @Test
    void printsTheEntriesAtTheAskedLevel() throws Exception {
        LogCommand command = new LogCommand();
        command.userLog = log;
        command.level = "Warning";
        command.since = "1h";
        command.noFormat = true;
        String out = run(command);
        assertTrue(out.contains("warning\tfan_controller.temperature\tcontrollers\tTemperature high"), out);
        assertEquals(UserLogLevel.WARNING, asked.get(0)[0]);
        assertEquals(50, asked.get(0)[2]);
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        LogCommand command = new LogCommand();
        command.userLog = log;
        command.level = "loud";
        assertEquals("--level 'loud' is not one of info, warning, error",
                assertThrows(CommandFailure.class, command::execute).getMessage());
        command.level = null;
        command.limit = 0;
        assertEquals("--limit must be 1 or more, got 0", assertThrows(CommandFailure.class, command::execute)
                .getMessage());
        LogCommand without = new LogCommand();
        assertTrue(assertThrows(IllegalStateException.class, without::execute).getMessage()
                .contains("kervi-automation"));
    }

    private static String run(LogCommand command) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
