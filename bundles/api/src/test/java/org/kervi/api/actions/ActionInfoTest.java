package org.kervi.api.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionInfoTest {

    private static ActionInfo action(String unit, int decimals) {
        return new ActionInfo("fan.activate", "Activate", "fan", "here", true, List.of(), "number", "",
                ActionConcurrency.SERIAL, Duration.ofSeconds(10), List.of(), unit, decimals);
    }

    @Test
    void aNumberResultIsRoundedToItsDecimalsAndFollowedByItsUnit() {
        assertEquals("50 %", action("%", 0).formatNumber(50.0));
        assertEquals("50 %", action("%", 0).formatNumber(49.5));
        assertEquals("0 %", action("%", 0).formatNumber(-0.4));
        assertEquals("21.26 °C", action("°C", 2).formatNumber(21.2649));
        assertEquals("21.5", action("", 2).formatNumber(21.5));
        assertEquals("7 rpm", action("rpm", 1).formatNumber(7));
        assertEquals("12345678901234567890", action("", 0).formatNumber(new BigDecimal("12345678901234567890.4")));
    }

    @Test
    void withoutDecimalsTheResultIsShownAsReturned() {
        assertEquals("50.0", action("", -1).formatNumber(50.0));
        assertEquals("50.0 %", action("%", -1).formatNumber(50.0));
        assertEquals("NaN %", action("%", 2).formatNumber(Double.NaN));
        assertEquals("Infinity", action("", 0).formatNumber(Double.POSITIVE_INFINITY));
    }

    @Test
    void theOlderConstructorsShowResultsAsReturned() {
        ActionInfo info = new ActionInfo("a.b", "b", "a", "here", true, List.of(), "number", "",
                ActionConcurrency.SERIAL, Duration.ofSeconds(1));
        assertEquals("", info.unit());
        assertEquals(-1, info.decimals());
        assertEquals("2.50", info.formatNumber(new BigDecimal("2.50")));
    }

    @Test
    void decimalsOutOfRangeAreRefusedWithTheActionId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> action("", 16));
        assertEquals("fan.activate: decimals must be -1 (as returned) or 0..15, got 16", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> action("", -2));
    }
}
