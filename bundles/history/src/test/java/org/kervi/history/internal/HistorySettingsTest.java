package org.kervi.history.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kervi.api.values.ValueKind;

class HistorySettingsTest {

    @Test
    void defaultsStoreInKarafDataWithThirtyDaysRaw() {
        HistorySettings s = HistorySettings.of(new TestConfig(), "/opt/kervi/data");
        assertEquals(StoreKind.SQLITE, s.store());
        assertEquals(Path.of("/opt/kervi/data/kervi/history.db"), s.file());
        assertEquals(Duration.ofDays(30), s.rawRetention("anything"));
        assertEquals(Duration.ofDays(365), s.rollupRetention());
    }

    @Test
    void retentionPatternsApplyInOrderFirstMatchWins() {
        TestConfig c = new TestConfig();
        c.retention = new String[] {"sensors.*=7d", "sensors.cpu*=1d, *.debug=90m", "  cpu_?=48h "};
        HistorySettings s = HistorySettings.of(c, "/data");
        assertEquals(Duration.ofDays(7), s.rawRetention("sensors.cpu_load"));
        assertEquals(Duration.ofMinutes(90), s.rawRetention("fan.debug"));
        assertEquals(Duration.ofHours(48), s.rawRetention("cpu_1"));
        assertEquals(Duration.ofDays(30), s.rawRetention("cpu_12"), "? is one character");
    }

    @Test
    void everyProblemIsNamedInOneMessage() {
        TestConfig c = new TestConfig();
        c.batchMillis = 0;
        c.queueCapacity = -1;
        c.retention = new String[] {"sensors.*", "x=7 weeks", "y=0d"};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HistorySettings.of(c, "/d"));
        String m = e.getMessage();
        assertTrue(m.startsWith("org.kervi.history: "), m);
        assertTrue(m.contains("batchMillis must be positive, got 0"), m);
        assertTrue(m.contains("queueCapacity must be positive, got -1"), m);
        assertTrue(m.contains("retention 'sensors.*' must look like pattern=period"), m);
        assertTrue(m.contains("'7 weeks' is not a period like 7d, 48h or 90m"), m);
        assertTrue(m.contains("'0d' is no period"), m);
    }

    @Test
    void anUnknownStoreOrAMissingUrlIsRefused() {
        TestConfig unknown = new TestConfig();
        unknown.store = "mysql";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HistorySettings.of(unknown, "/d")).getMessage()
                .contains("store 'mysql' is neither sqlite nor postgresql"));
        TestConfig postgres = new TestConfig();
        postgres.store = "PostgreSQL";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HistorySettings.of(postgres, "/d"))
                .getMessage().contains("must be a PostgreSQL JDBC url"));
        postgres.url = "jdbc:postgresql://db:5432/kervi?user=k&password=secret";
        HistorySettings s = HistorySettings.of(postgres, null);
        assertEquals("jdbc:postgresql://db:5432/kervi?user=k&password=***", s.location());
    }

    @Test
    void sqliteWithoutKarafDataNeedsAFile() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HistorySettings.of(new TestConfig(), null))
                .getMessage().contains("file is empty and karaf.data is not set"));
        TestConfig c = new TestConfig();
        c.file = "/var/lib/kervi/h.db";
        assertEquals(Path.of("/var/lib/kervi/h.db"), HistorySettings.of(c, null).file());
    }

    @Test
    void recordingRulesPersistedThenExcludeThenIncludeThenDeclaredThenDefault() {
        TestConfig c = new TestConfig();
        c.recordByDefault = false;
        c.include = new String[] {"sensors.*"};
        c.exclude = new String[] {"sensors.noisy*", "debug.*"};
        RecordingRules rules = HistorySettings.of(c, "/d").recording();
        Optional<Boolean> none = Optional.empty();
        assertTrue(rules.records("sensors.temp", ValueKind.NUMBER, false, Optional.of(false)), "include wins");
        assertFalse(rules.records("sensors.noisy_1", ValueKind.NUMBER, false, Optional.of(true)), "exclude wins");
        assertTrue(rules.records("debug.state", ValueKind.STRING, true, none), "persisted values always");
        assertTrue(rules.records("fan.speed", ValueKind.NUMBER, false, Optional.of(true)), "declared");
        assertFalse(rules.records("fan.speed", ValueKind.NUMBER, false, none), "recordByDefault = false");
        assertFalse(rules.records("fan.color", ValueKind.COLOR, true, Optional.of(true)), "colours are not recorded");
        assertFalse(rules.records("fan.at", ValueKind.DATETIME, false, none));
        assertTrue(RecordingRules.DEFAULT.records("mode", ValueKind.ENUM, false, none));
    }
}
