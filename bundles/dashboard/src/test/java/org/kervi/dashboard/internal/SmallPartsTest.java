package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kervi.api.values.Color;

class SmallPartsTest {

    @Test
    void historyKeepsTheLastPointsOldestFirst() {
        History h = new History(3);
        for (int i = 1; i <= 5; i++) {
            h.record("x", i, 1000L * i);
        }
        assertEquals("[[3000,3.0],[4000,4.0],[5000,5.0]]", h.points("x").toString());
        assertEquals("[]", h.points("unknown").toString());
        h.forget("x");
        assertEquals("[]", h.points("x").toString());
    }

    @Test
    void requestScalarsBecomeJavaValues() {
        assertEquals(Boolean.TRUE, WireValues.raw(JsonParser.parseString("true"), "v"));
        assertEquals(42L, WireValues.raw(JsonParser.parseString("42"), "v"));
        assertEquals(42.5, WireValues.raw(JsonParser.parseString("42.5"), "v"));
        assertEquals("hot", WireValues.raw(JsonParser.parseString("\"hot\""), "v"));
        assertEquals("v: null is not a value",
                assertThrows(HttpError.class, () -> WireValues.raw(JsonParser.parseString("null"), "v")).getMessage());
        HttpError e = assertThrows(HttpError.class, () -> WireValues.raw(JsonParser.parseString("{\"a\":1}"), "v"));
        assertEquals(400, e.status());
        assertEquals("v: expected a number, boolean or text, got {\"a\":1}", e.getMessage());
    }

    @Test
    void statesAreJsonScalars() {
        assertEquals("\"2026-11-26T01:02:03Z\"", WireValues.state(Instant.parse("2026-11-26T01:02:03Z")).toString());
        assertEquals("\"#ff8000\"", WireValues.state(Color.parse("#ff8000")).toString());
        assertEquals("null", WireValues.state(null).toString());
        assertEquals("\"NaN\"", WireValues.state(Double.NaN).toString());
    }

    @Test
    void repeatedFailedLoginsFromOneAddressWait() {
        LoginThrottle t = new LoginThrottle();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            t.check("10.0.0.1");
            t.failed("10.0.0.1");
        }
        HttpError e = assertThrows(HttpError.class, () -> t.check("10.0.0.1"));
        assertEquals(429, e.status());
        t.check("10.0.0.2");
        t.succeeded("10.0.0.1");
        t.check("10.0.0.1");
    }
}
