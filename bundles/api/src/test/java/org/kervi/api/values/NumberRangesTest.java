package org.kervi.api.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumberRangesTest {

    private static NumberValue temperature() {
        return new NumberValue("temp", "Temperature").unit("°C")
                .addNormalRange(0, 60)
                .addWarningRange(60, 80, "getting hot")
                .addErrorRange(80, Double.POSITIVE_INFINITY);
    }

    @Test
    void boundsAreInclusiveAndTheMoreSevereRangeWinsOnASharedBound() {
        NumberValue t = temperature();
        List<RangeChange> changes = record(t);
        t.set(59.99);
        t.set(60);    // normal and warning share 60: warning wins
        t.set(79.99);
        t.set(80);    // warning and error share 80: error wins
        t.set(1e6);   // open end
        t.set(60);
        t.set(0);     // low bound of normal, inclusive
        assertEquals(List.of("normal initial", "warning", "error", "warning", "normal"),
                changes.stream().map(c -> c.level().label() + (c.initial() ? " initial" : "")).toList());
        assertEquals(RangeLevel.NORMAL, t.rangeLevel());
    }

    @Test
    void hysteresisKeepsAMilderRangeOutUntilTheValueIsPastTheMargin() {
        NumberValue t = temperature().rangeHysteresis(2);
        List<RangeChange> changes = record(t);
        t.set(79);    // warning
        t.set(80);    // error: a more severe range is entered at once
        t.set(79);    // within 2 of the error range: stays error
        t.set(78);    // the margin's bound is inclusive: stays error
        t.set(81);
        t.set(77.9);  // past the margin: warning
        t.set(58.5);  // within 2 of the warning range: stays warning although it reads normal
        t.set(57.9);  // normal
        t.set(1e6);   // straight to error
        t.set(10);    // far below every margin: normal
        assertEquals(List.of("warning initial", "error", "warning", "normal", "error", "normal"),
                changes.stream().map(c -> c.level().label() + (c.initial() ? " initial" : "")).toList());
        assertEquals(2.0, t.attributes().get(NumberValue.RANGE_HYSTERESIS));
    }

    @Test
    void aBadHysteresisIsRefusedWithTheReason() {
        NumberValue t = temperature();
        assertEquals("temp: range hysteresis must be a finite number >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> t.rangeHysteresis(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.rangeHysteresis(Double.NaN));
        assertFalse(t.attributes().containsKey(NumberValue.RANGE_HYSTERESIS));
    }

    @Test
    void staysQuietWhileTheRangeStays() {
        NumberValue t = temperature();
        List<RangeChange> changes = record(t);
        t.set(10);
        t.set(20);
        t.set(59);
        assertEquals(1, changes.size());
    }

    @Test
    void messagesSayWhatHappened() {
        NumberValue t = temperature();
        List<RangeChange> changes = record(t);
        t.set(30);
        t.set(65);
        t.set(85);
        assertEquals("getting hot", changes.get(1).message());
        assertEquals("Temperature 85 °C is in the error range [80, ∞)", changes.get(2).message());
        assertEquals(RangeLevel.WARNING, changes.get(2).left().level());
    }

    @Test
    void outsideEveryRangeReadsNormalAndSaysWhichRangeWasLeft() {
        NumberValue v = new NumberValue("pressure", "Pressure").addWarningRange(10, 20);
        List<RangeChange> changes = record(v);
        v.set(15);
        v.set(25);
        assertEquals(RangeLevel.WARNING, changes.get(0).level());
        assertTrue(changes.get(0).initial());
        assertNull(changes.get(1).entered());
        assertEquals(RangeLevel.NORMAL, changes.get(1).level());
        assertEquals("Pressure 25 left the warning range [10, 20]", changes.get(1).message());
    }

    @Test
    void aRangeDeclaredAfterTheValueFiredPlacesItAtOnce() {
        NumberValue v = new NumberValue("n", "N");
        v.set(95);
        v.addErrorRange(90, 100);
        assertEquals(RangeLevel.ERROR, v.rangeLevel());
        assertEquals("error", v.attributes().get(NumberValue.RANGE_LEVEL));
    }

    @Test
    void aFilteredSetDoesNotMoveTheRange() {
        NumberValue v = new NumberValue("n", "N").delta(5).addWarningRange(10, 20);
        List<RangeChange> changes = record(v);
        v.set(8);
        v.set(11); // within delta of 8: not fired
        assertEquals(RangeLevel.NORMAL, v.rangeLevel());
        v.set(13);
        assertEquals(RangeLevel.WARNING, v.rangeLevel());
        assertEquals(2, changes.size());
    }

    @Test
    void attributesCarryTheRangesAndReadBack() {
        NumberValue t = temperature();
        t.set(70);
        Map<String, Object> a = t.attributes();
        assertEquals("warning", a.get(NumberValue.RANGE_LEVEL));
        List<?> wire = (List<?>) a.get(NumberValue.RANGES);
        assertEquals(Map.of("level", "error", "low", 80.0), wire.get(2));
        List<ValueRange> back = wire.stream().map(ValueRange::fromAttribute).toList();
        assertEquals(t.ranges(), back);
    }

    @Test
    void aValueWithoutRangesHasNoRangeAttributes() {
        NumberValue v = new NumberValue("n", "N");
        v.set(1);
        assertFalse(v.attributes().containsKey(NumberValue.RANGES));
        assertFalse(v.attributes().containsKey(NumberValue.RANGE_LEVEL));
    }

    @Test
    void badRangesAreRefusedWithTheReason() {
        NumberValue v = new NumberValue("n", "N");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.addWarningRange(5, 1));
        assertEquals("warning range [5.0, 1.0] is empty", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ValueRange.fromAttribute(Map.of("level", "severe")));
        assertThrows(IllegalArgumentException.class, () -> ValueRange.fromAttribute("x"));
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        NumberValue v = new NumberValue("n", "N").addWarningRange(1, 2);
        v.addRangeListener(c -> {
            throw new IllegalStateException("boom");
        });
        List<RangeChange> changes = record(v);
        v.set(1.5);
        assertEquals(1, changes.size());
    }

    private static List<RangeChange> record(NumberValue v) {
        List<RangeChange> changes = new ArrayList<>();
        v.addRangeListener(changes::add);
        return changes;
    }
}
