package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** A remote instance's value whose attributes try to pass for fields the server fills in. */
    @Test
    void attributesCannotOverrideServerFields() {
        org.kervi.api.values.NumberValue v = new org.kervi.api.values.NumberValue("remote.temp", "Temp");
        v.attribute("owner", "root").attribute("id", "cpu_load").attribute("role", "input")
                .attribute("writable", "yes").attribute("kind", "action").attribute("note", "kept");
        com.google.gson.JsonObject o = WireValues.describe(
                new org.kervi.api.runtime.ValueEntry(v, "remote", "module-a", false));
        assertEquals("module-a", o.get("owner").getAsString());
        assertEquals("remote.temp", o.get("id").getAsString());
        assertEquals("standalone", o.get("role").getAsString());
        assertEquals(v.role().writableFromOutside(), o.get("writable").getAsBoolean());
        assertEquals(false, o.has("kind"));
        assertEquals("kept", o.get("note").getAsString());
    }

    @Test
    void unrepresentableNumbersAre400() {
        for (String n : new String[] {"1e999999999", "-1e309", "2e308"}) {
            HttpError e = assertThrows(HttpError.class, () -> WireValues.raw(JsonParser.parseString(n), "v"));
            assertEquals(400, e.status(), n);
            assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        }
        assertEquals(9_007_199_254_740_993L, WireValues.raw(JsonParser.parseString("9007199254740993"), "v"));
        HttpError tooLong = assertThrows(HttpError.class,
                () -> WireValues.raw(JsonParser.parseString("9223372036854775808"), "v"));
        assertEquals("v: 9223372036854775808 is out of range (whole numbers must fit a 64-bit integer; write a larger "
                + "number with an exponent, e.g. 1e20)", tooLong.getMessage());
        assertEquals(1e20, WireValues.raw(JsonParser.parseString("1e20"), "v"));
    }
}
