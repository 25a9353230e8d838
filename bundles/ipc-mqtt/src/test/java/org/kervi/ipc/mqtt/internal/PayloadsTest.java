package org.kervi.ipc.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadsTest {
    @Test
    void asciiAndOtherUtf8TextParse() {
        assertEquals(21.5, Payloads.object("{\"v\":21.5,\"ts\":1}".getBytes(StandardCharsets.UTF_8)).get("v")
                .getAsDouble());
        assertEquals("22 °C – ok", Payloads.object("{\"v\":\"22 °C – ok\"}".getBytes(StandardCharsets.UTF_8))
                .get("v").getAsString());
    }

    @Test
    void malformedUtf8IsRefusedWithItsReason() {
        byte[] payload = {'{', '"', 'v', '"', ':', '"', (byte) 0xC3, '"', '}'};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Payloads.object(payload));
        assertEquals("not UTF-8 text", e.getMessage());
    }

    @Test
    void nonObjectsAndMalformedJsonAreRefusedWithTheirReason() {
        assertEquals("not a JSON object: [1]", assertThrows(IllegalArgumentException.class,
                () -> Payloads.object("[1]".getBytes(StandardCharsets.US_ASCII))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Payloads.object("{\"v\":".getBytes(
                StandardCharsets.US_ASCII)), "malformed JSON");
    }
}
