package org.kervi.ipc.internal.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ParameterInfo;
import org.kervi.ipc.api.ActionDescriptor;

/** Action directory entries on the wire: the unit and decimals of results, and peers that do not send them. */
class ActionJsonTest {

    @Test
    void unitAndDecimalsTravelAndComeBack() throws Exception {
        ActionDescriptor d = new ActionDescriptor("fan.activate", "Activate", "fan",
                List.of(new ParameterInfo("on", "boolean")), "number", "", ActionConcurrency.SERIAL,
                Duration.ofSeconds(10), List.of(), "%", 0);
        JsonObject json = Json.toJson(d);
        assertEquals("%", json.get("unit").getAsString());
        assertEquals(0, json.get("decimals").getAsInt());
        assertEquals(d, Json.actionFromJson(json));
    }

    @Test
    void anActionWithoutThemSendsNeither() {
        JsonObject json = Json.toJson(new ActionDescriptor("a.b", "b", "a", List.of(), "text", "",
                ActionConcurrency.SERIAL, Duration.ofSeconds(1)));
        assertFalse(json.has("unit"));
        assertFalse(json.has("decimals"));
    }

    @Test
    void aPeerThatDoesNotSendThemGetsResultsShownAsReturned() throws Exception {
        ActionDescriptor d = Json.actionFromJson(JsonParser.parseString("{\"id\":\"remote1.echo\",\"name\":\"Echo\","
                + "\"params\":[{\"name\":\"text\",\"type\":\"text\"}],\"returns\":\"text\",\"timeout\":5000}"));
        assertEquals("", d.unit());
        assertEquals(-1, d.decimals());
        assertEquals(Duration.ofSeconds(5), d.timeout());
    }

    @Test
    void decimalsThatCannotBeShownAreIgnoredAndNonNumbersAreMalformed() throws Exception {
        assertEquals(-1, Json.actionFromJson(JsonParser.parseString("{\"id\":\"a.b\",\"decimals\":99}")).decimals());
        assertEquals(-1, Json.actionFromJson(JsonParser.parseString("{\"id\":\"a.b\",\"decimals\":-3}")).decimals());
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> Json.actionFromJson(JsonParser.parseString("{\"id\":\"a.b\",\"decimals\":\"two\"}")));
        assertTrue(e.getMessage().startsWith("malformed action entry"), e.getMessage());
    }
}
