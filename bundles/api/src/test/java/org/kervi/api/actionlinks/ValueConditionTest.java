package org.kervi.api.actionlinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueConditionTest {

    @Test
    void parsesWhatAnOperatorWrites() {
        assertEquals(ValueCondition.above(90), ValueCondition.parse("> 90"));
        assertEquals(ValueCondition.above(90), ValueCondition.parse(">90"));
        assertEquals(ValueCondition.below(-2.5), ValueCondition.parse(" < -2.5 "));
        assertEquals(ValueCondition.isTrue(), ValueCondition.parse("TRUE"));
        assertEquals(ValueCondition.isFalse(), ValueCondition.parse("false"));
        assertEquals(ValueCondition.equalTo(3.0), ValueCondition.parse("== 3"));
        assertEquals(ValueCondition.equalTo("on"), ValueCondition.parse("= on"));
    }

    @Test
    void printsTheFormItReads() {
        for (String text : new String[] {"> 90", "< -2.5", "true", "false", "= 3", "= open"}) {
            assertEquals(text, ValueCondition.parse(text).toString());
        }
    }

    @Test
    void badTextSaysWhatIsAccepted() {
        assertMessage("is empty", "");
        assertMessage("is empty", null);
        assertMessage("'hot' is not understood; write true, false", "hot");
        assertMessage("needs a number after '>', not 'ninety'", "> ninety");
        assertMessage("needs a number after '<', not ''", "<");
        assertMessage("has nothing after '='", "=");
        assertMessage("needs a number after '>', not 'NaN'", "> NaN");
    }

    @Test
    void thresholdsAreStrictAndIgnoreWhatIsNoNumber() {
        ValueCondition above = ValueCondition.above(90);
        assertTrue(above.test(90.5));
        assertFalse(above.test(90.0));
        assertFalse(above.test("95"));
        assertFalse(above.test(null));
        assertTrue(ValueCondition.below(10).test(9));
        assertFalse(ValueCondition.below(10).test(10.0));
    }

    @Test
    void truthOfBooleansAndNumbers() {
        assertTrue(ValueCondition.isTrue().test(true));
        assertTrue(ValueCondition.isTrue().test(1.0));
        assertFalse(ValueCondition.isTrue().test("true"));
        assertTrue(ValueCondition.isFalse().test(false));
        assertTrue(ValueCondition.isFalse().test(0.0));
        assertFalse(ValueCondition.isFalse().test(null));
    }

    @Test
    void equalsByNumberTextOrBooleanWord() {
        assertTrue(ValueCondition.equalTo(3).test(3.0));
        assertFalse(ValueCondition.equalTo(3).test("3"));
        assertTrue(ValueCondition.parse("= OPEN").test("open"));
        assertTrue(ValueCondition.parse("= on").test(true));
        assertFalse(ValueCondition.parse("= on").test(false));
        assertTrue(ValueCondition.equalTo(false).test(false));
    }

    private static void assertMessage(String expected, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueCondition.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
