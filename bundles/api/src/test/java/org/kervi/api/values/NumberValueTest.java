package org.kervi.api.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumberValueTest {

    @Test
    void withoutDeltaEverySetFires() {
        NumberValue v = new NumberValue("n", "N");
        Recorder<Double> r = Recorder.on(v);
        v.set(1);
        v.set(1);
        v.set(2);
        assertEquals(List.of(1.0, 1.0, 2.0), r.fired());
    }

    @Test
    void withDeltaAcceptsOnlySetsAtLeastDeltaFromTheLastAccepted() {
        NumberValue v = new NumberValue("n", "N").delta(0.5);
        Recorder<Double> r = Recorder.on(v);
        v.set(10);   // first set always accepted
        v.set(10.3); // |0.3| < 0.5: discarded
        v.set(10.45); // still measured from 10, the last accepted, not from 10.3
        v.set(10.5); // exactly 0.5 above: accepted (inclusive)
        v.set(10.1); // |0.4| from 10.5
        v.set(10.0); // exactly 0.5 below: accepted (inclusive)
        v.set(9.9);  // |0.1| from 10.0
        assertEquals(List.of(10.0, 10.5, 10.0), r.fired());
        assertEquals(10.0, v.get());
    }

    @Test
    void discardedSetsChangeNothing() {
        NumberValue v = new NumberValue("n", "N").delta(5);
        v.set(1);
        long acceptedAt = v.changedAtMillis();
        v.set(2);
        v.set(5.999);
        assertEquals(1.0, v.get(), "a discarded set is not stored");
        assertEquals(acceptedAt, v.changedAtMillis());
        v.set(6);
        assertEquals(6.0, v.get());
    }

    @Test
    void theFirstSetIsAcceptedEvenWithinDeltaOfTheInitialValue() {
        NumberValue v = new NumberValue("n", "N").delta(2);
        Recorder<Double> r = Recorder.on(v);
        assertFalse(v.hasFired());
        v.set(1);   // Kervi drops this one (0 is its last accepted value); here the initial 0 is no reading
        v.set(2.5); // |1.5| from 1
        v.set(3);   // 2 from 1
        assertEquals(List.of(1.0, 3.0), r.fired());
        assertEquals(0.0, r.changes.get(0).previous());
        assertEquals(1.0, r.changes.get(1).previous(), "previous is the last accepted value");
    }

    @Test
    void deltaAppliesToWritesFromOutsideAndFromLinks() {
        NumberValue v = new NumberValue("n", "N").delta(10);
        v.linkTo("src");
        v.setFromOutside("20");
        v.setFromOutside("25");
        assertEquals(20.0, v.get());
        v.links().get(0).deliver(29.9);
        assertEquals(20.0, v.get());
        v.links().get(0).deliver(30.0);
        assertEquals(30.0, v.get());
    }

    @Test
    void convertsTextAndNumbersFromOutside() {
        NumberValue v = new NumberValue("n", "N").range(0, 150);
        v.setFromOutside("42.5");
        assertEquals(42.5, v.get());
        v.setFromOutside(7);
        assertEquals(7.0, v.get());
        v.setFromOutside(" 150 ");
        assertEquals(150.0, v.get());
    }

    @Test
    void rejectsWrongTypesWithMessageNamingTheValue() {
        NumberValue v = new NumberValue("fan.temp", "T");
        ValueRejectedException e = assertThrows(ValueRejectedException.class, () -> v.setFromOutside("warm"));
        assertEquals("fan.temp: expected a number, got 'warm' (String)", e.getMessage());
        assertThrows(ValueRejectedException.class, () -> v.setFromOutside(true));
        assertThrows(ValueRejectedException.class, () -> v.setFromOutside("NaN"));
        assertThrows(ValueRejectedException.class, () -> v.setFromOutside(Double.POSITIVE_INFINITY));
        assertEquals(0.0, v.get(), "rejected input leaves the value alone");
    }

    @Test
    void rejectsOutOfRangeFromOutsideButNotFromCode() {
        NumberValue v = new NumberValue("fan.temp", "T").range(0, 150);
        ValueRejectedException e = assertThrows(ValueRejectedException.class, () -> v.setFromOutside("151"));
        assertEquals("fan.temp: 151 is out of range [0, 150]", e.getMessage());
        assertThrows(ValueRejectedException.class, () -> v.setFromOutside(-0.5));
        v.set(200);
        assertEquals(200.0, v.get());
    }

    @Test
    void refusesNaNFromCode() {
        NumberValue v = new NumberValue("n", "N");
        assertThrows(ValueRejectedException.class, () -> v.set(Double.NaN));
    }

    @Test
    void invalidConfigurationIsRefused() {
        NumberValue v = new NumberValue("n", "N");
        assertThrows(IllegalArgumentException.class, () -> v.range(5, 1));
        assertThrows(IllegalArgumentException.class, () -> v.delta(-1));
        assertThrows(IllegalArgumentException.class, () -> new NumberValue("bad id", "x"));
        assertThrows(IllegalArgumentException.class, () -> new NumberValue("", "x"));
    }

    @Test
    void formatsWithoutNoise() {
        NumberValue v = new NumberValue("n", "N").unit("%");
        assertEquals("0", v.formatted());
        v.set(12.5);
        assertEquals("12.5", v.formatted());
        v.set(8.080808080808081);
        assertEquals("8.081", v.formatted());
        assertEquals("8.08", v.decimals(2).formatted());
        assertEquals(8.080808080808081, v.get(), "display rounding leaves the value alone");
        assertTrue(v.attributes().containsKey("unit"));
    }
}
