package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static String refusal(String body) {
        HttpError e = assertThrows(HttpError.class, () -> StrictJson.parse(body), body);
        assertEquals(400, e.status(), body);
        return e.getMessage();
    }

    @Test
    void onlyRfc8259Passes() {
        assertEquals("{\"value\":1}", StrictJson.parse("{\"value\":1}").toString());
        for (String lenient : new String[] {"{value:1}", "{'value':1}", "{\"value\":1 /* c */}",
                "{\"value\":1} // c", "{\"value\":1}garbage", "{\"value\":1}{}", "{\"value\":NaN}",
                "{\"value\":Infinity}", "{\"value\":-Infinity}", "{\"a\":1;\"b\":2}", "{\"value\":01}",
                "{\"value\":1,}", "[1,,2]", "{\"value\":\"a\\x\"}"}) {
            String message = refusal(lenient);
            assertTrue(message.startsWith("malformed JSON: "), lenient);
            assertTrue(!message.contains("setStrictness") && !message.contains("http"), message);
        }
    }

    @Test
    void numbersADoubleCannotHoldAreRefused() {
        assertEquals("$.value: 1e999999999 is out of range (numbers must fit a double, about ±1.8e308)",
                refusal("{\"value\":1e999999999}"));
        assertTrue(refusal("{\"value\":-1e400}").contains("out of range"));
        assertTrue(refusal("{\"args\":[1, 2e308]}").startsWith("$.args[1]: 2e308 is out of range"));
        refusal("{\"value\":1" + "0".repeat(400) + "}");
        assertTrue(refusal("{\"value\":1e99999999999}").contains("1e99999999999"));
        assertTrue(StrictJson.parse("{\"value\":1e-999999}").isJsonObject(), "tiny numbers round to 0");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertTrue(refusal("{\"a\":" + deep + "}").startsWith("malformed JSON: "));
    }
}
