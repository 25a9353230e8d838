package org.kervi.history.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreHealthTest {

    @Test
    void aFailureKeepsItsStartWhileItLastsAndTheLatestReason() {
        StoreHealth health = new StoreHealth("test.db");
        assertTrue(health.state().healthy());
        health.failed(new SQLException("database is locked"), 1000);
        health.failed(new SQLException("disk I/O error"), 2000);
        assertFalse(health.state().healthy());
        assertEquals(1000, health.state().sinceMillis());
        assertEquals("disk I/O error", health.state().problem());
        health.worked(3000, 7);
        assertTrue(health.state().healthy());
        assertEquals("", health.state().problem());
        health.failed(new SQLException("database is locked"), 4000);
        assertEquals(4000, health.state().sinceMillis(), "a new failure starts anew");
    }
}
