package org.kervi.api.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.Registration;

/** Which way a link may run, checked by {@code linkTo} itself; resolution by id is tested in the core. */
class LinkDirectionTest {

    private static NumberValue value(String id, ValueRole role) {
        NumberValue v = new NumberValue(id, id);
        v.role(role);
        return v;
    }

    @Test
    void anOutputCannotFollowAndTheErrorNamesBothIdsAndTheWayRound() {
        NumberValue out = value("fan.speed", ValueRole.OUTPUT);
        NumberValue in = value("fan.temp", ValueRole.INPUT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> out.linkTo(in));
        assertEquals("cannot link 'fan.speed' to 'fan.temp': 'fan.speed' is an output, set only by its component; the"
                + " value that follows calls linkTo and must be an input or a standalone value (write"
                + " fan.temp.linkTo(fan.speed) to make 'fan.temp' follow 'fan.speed')", e.getMessage());
        assertEquals(List.of(), out.links(), "nothing linked either way");
        assertEquals(List.of(), in.links());
        assertThrows(IllegalArgumentException.class, () -> out.linkTo("fan.temp"));
        assertEquals(0.0, out.get());
    }

    @Test
    void outputToOutputAndSensorFollowingFail() {
        NumberValue a = value("a.out", ValueRole.OUTPUT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.linkTo(value("b.out", ValueRole.OUTPUT)));
        assertTrue(e.getMessage().startsWith("cannot link 'a.out' to 'b.out': 'a.out' is an output"), e.getMessage());
        NumberValue sensor = value("cpu_load", ValueRole.SENSOR);
        e = assertThrows(IllegalArgumentException.class, () -> sensor.linkTo("other"));
        assertTrue(e.getMessage().startsWith("cannot link 'cpu_load' to 'other': 'cpu_load' is a sensor value"),
                e.getMessage());
    }

    @Test
    void inputToInputFailsNamingBothIds() {
        NumberValue a = value("a.in", ValueRole.INPUT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.linkTo(value("b.in", ValueRole.INPUT)));
        assertEquals("cannot link 'a.in' to 'b.in': 'b.in' is an input; a link runs from an output, a sensor or a"
                + " standalone value into an input", e.getMessage());
        assertEquals(List.of(), a.links());
    }

    @Test
    void inputsAndStandaloneValuesFollowOutputsSensorsAndStandaloneValues() {
        NumberValue in = value("c.in", ValueRole.INPUT);
        in.linkTo(value("c.out", ValueRole.OUTPUT));
        in.linkTo(value("cpu", ValueRole.SENSOR));
        in.linkTo(value("s", ValueRole.STANDALONE));
        value("t", ValueRole.STANDALONE).linkTo(value("c.out2", ValueRole.OUTPUT));
        in.linkTo("not.yet.known");
        assertEquals(4, in.links().size());
    }

    @Test
    void watchersHearOfLinksAddedLaterUntilClosed() {
        NumberValue in = value("c.in", ValueRole.INPUT);
        in.linkTo("first");
        List<String> heard = new ArrayList<>();
        Registration watch = in.watchLinks(link -> heard.add(link.sourceId()));
        in.linkTo("second");
        watch.close();
        in.linkTo("third");
        assertEquals(List.of("second"), heard);
        assertEquals(3, in.links().size());
    }

    @Test
    void aRefusedLinkShowsWhyUntilItResolves() {
        NumberValue in = value("c.in", ValueRole.INPUT);
        in.linkTo("other.in");
        Link link = in.links().get(0);
        link.markRefused("cannot link 'c.in' to 'other.in': 'other.in' is an input; ...");
        assertEquals(false, link.isResolved());
        assertTrue(link.lastError().startsWith("cannot link 'c.in' to 'other.in'"));
        link.markUnresolved();
        assertEquals(null, link.lastError());
        link.markRefused("again");
        link.markResolved("x");
        assertEquals(null, link.lastError());
    }
}
