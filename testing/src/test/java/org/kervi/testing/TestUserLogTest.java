package org.kervi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

class TestUserLogTest {
    private final KerviTestRuntime kervi = KerviTestRuntime.create();

    @AfterEach
    void close() {
        kervi.close();
    }

    @Test
    void entriesCarryTheTestsTimeAndInstanceAndFilterAsTheUserLogDoes() {
        TestUserLog log = kervi.userLog();
        List<String> heard = new ArrayList<>();
        log.addListener(entry -> heard.add(entry.level() + " " + entry.message()));

        log.log(UserLogLevel.INFO, "pump", "pump on");
        kervi.advance(Duration.ofMinutes(1));
        log.log(UserLogLevel.WARNING, "soil", "soil dry");
        log.log(UserLogLevel.ERROR, "pump", "pump dry");

        assertEquals(List.of("pump on", "soil dry", "pump dry"), log.messages());
        UserLogEntry first = log.entries().get(0);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), first.time());
        assertEquals("test", first.instance());
        assertEquals("pump", first.sourceId());
        assertEquals(List.of("pump dry", "soil dry"), log.entries(UserLogLevel.WARNING, null, 10).stream()
                .map(UserLogEntry::message).toList(), "newest first, warnings and above");
        assertEquals(List.of("pump dry"), log.entries(UserLogLevel.INFO, null, 1).stream()
                .map(UserLogEntry::message).toList());
        assertEquals(2, log.entries(UserLogLevel.INFO, Instant.parse("2026-01-01T00:01:00Z"), 10).size());
        assertEquals(List.of("INFO pump on", "WARNING soil dry", "ERROR pump dry"), heard);
    }
}
