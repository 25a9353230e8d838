package org.kervi.api.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeOnlyValuesTest {

    @Test
    void booleanFiresOnlyOnRealChange() {
        BooleanValue v = new BooleanValue("b", "B");
        Recorder<Boolean> r = Recorder.on(v);
        v.set(true);
        v.set(true);
        v.set(false);
        v.set(false);
        assertEquals(List.of(true, false), r.fired());
    }

    @Test
    void booleanConvertsCommonSpellings() {
        BooleanValue v = new BooleanValue("b", "B");
        v.setFromOutside("on");
        assertEquals(true, v.get());
        v.setFromOutside("FALSE");
        assertEquals(false, v.get());
        v.setFromOutside(1);
        assertEquals(true, v.get());
        ValueRejectedException e = assertThrows(ValueRejectedException.class, () -> v.setFromOutside("maybe"));
        assertEquals("b: expected true or false, got 'maybe' (String)", e.getMessage());
        assertThrows(ValueRejectedException.class, () -> v.setFromOutside(2));
    }

    @Test
    void stringFiresOnlyOnRealChangeAndChecksLength() {
        StringValue v = new StringValue("s", "S").maxLength(5);
        Recorder<String> r = Recorder.on(v);
        v.set("a");
        v.set("a");
        v.set("b");
        assertEquals(List.of("a", "b"), r.fired());
        assertThrows(ValueRejectedException.class, () -> v.setFromOutside("toolong"));
        assertThrows(ValueRejectedException.class, () -> v.setFromOutside(List.of()));
    }

    @Test
    void enumAcceptsOnlyOptions() {
        EnumValue v = new EnumValue("mode", "Mode").option("auto", "Automatic").option("manual");
        Recorder<String> r = Recorder.on(v);
        v.setFromOutside("auto");
        v.setFromOutside("auto");
        v.set("manual");
        assertEquals(List.of("auto", "manual"), r.fired());
        ValueRejectedException e = assertThrows(ValueRejectedException.class, () -> v.setFromOutside("off"));
        assertEquals("mode: 'off' is not an option; options are [auto, manual]", e.getMessage());
        assertThrows(ValueRejectedException.class, () -> v.set("off"));
    }

    @Test
    void dateTimeParsesIsoAndEpochAndFiresOnChange() {
        DateTimeValue v = new DateTimeValue("t", "T");
        Recorder<Instant> r = Recorder.on(v);
        v.setFromOutside("2026-11-25T10:00:00Z");
        v.setFromOutside("2026-11-25T11:00:00+01:00");
        v.setFromOutside(Instant.parse("2026-11-25T10:00:00Z").toEpochMilli());
        assertEquals(List.of(Instant.parse("2026-11-25T10:00:00Z")), r.fired());
        assertThrows(ValueRejectedException.class, () -> v.setFromOutside("tomorrow"));
    }

    @Test
    void colorParsesHexAndFiresOnChange() {
        ColorValue v = new ColorValue("c", "C");
        Recorder<Color> r = Recorder.on(v);
        v.setFromOutside("#FF8800");
        v.setFromOutside("#f80");
        v.set(new Color(1, 2, 3));
        assertEquals(List.of(new Color(255, 136, 0), new Color(1, 2, 3)), r.fired());
        assertEquals("#010203", v.formatted());
        assertThrows(ValueRejectedException.class, () -> v.setFromOutside("orange"));
        assertThrows(IllegalArgumentException.class, () -> new Color(256, 0, 0));
    }

    @Test
    void readOnlyRolesRefuseOutsideWrites() {
        NumberValue sensor = new NumberValue("cpu", "CPU");
        sensor.role(ValueRole.SENSOR);
        ValueRejectedException e = assertThrows(ValueRejectedException.class, () -> sensor.setFromOutside(1));
        assertEquals("cpu: is read-only (sensor); only its component sets it", e.getMessage());
        NumberValue output = new NumberValue("fan.speed", "Speed");
        output.role(ValueRole.OUTPUT);
        assertThrows(ValueRejectedException.class, () -> output.setFromOutside(1));
        output.set(5);
        assertEquals(5.0, output.get());
    }

    @Test
    void failingListenerDoesNotStopOthers() {
        BooleanValue v = new BooleanValue("b", "B");
        v.addListener(c -> {
            throw new IllegalStateException("boom");
        });
        Recorder<Boolean> r = Recorder.on(v);
        v.set(true);
        assertEquals(List.of(true), r.fired());
    }

    @Test
    void removedListenerIsNotCalled() {
        BooleanValue v = new BooleanValue("b", "B");
        Recorder<Boolean> r = new Recorder<>();
        v.addListener(r).close();
        v.set(true);
        assertEquals(List.of(), r.fired());
    }
}
