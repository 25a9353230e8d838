package org.kervi.api.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Link delivery as the runtime drives it; resolution by id is tested in the core. */
class LinkTest {

    @Test
    void deliverAppliesTransformAndConversion() {
        NumberValue fahrenheit = new NumberValue("f", "F");
        fahrenheit.linkTo("celsius", c -> ((Double) c) * 9 / 5 + 32);
        Link link = fahrenheit.links().get(0);
        link.deliver(100.0);
        assertEquals(212.0, fahrenheit.get());
        assertEquals(ValueSource.LINK, lastSource(fahrenheit, link, 0.0));
    }

    @Test
    void badDeliveryIsRecordedAndIgnored() {
        NumberValue n = new NumberValue("n", "N");
        n.linkTo("text");
        Link link = n.links().get(0);
        link.deliver("not a number");
        assertEquals(0.0, n.get());
        assertEquals("n: expected a number, got 'not a number' (String)", link.lastError());
        link.deliver("3");
        assertEquals(3.0, n.get());
        assertEquals(null, link.lastError());
    }

    @Test
    void linksIgnoreRangeLikeCodeDoes() {
        NumberValue temp = new NumberValue("temp", "T").range(0, 150);
        temp.linkTo("cpu");
        temp.links().get(0).deliver(151.0);
        assertEquals(151.0, temp.get());
    }

    @Test
    void resolutionStateIsVisible() {
        BooleanValue b = new BooleanValue("b", "B");
        b.linkTo("other");
        Link link = b.links().get(0);
        assertFalse(link.isResolved());
        link.markResolved("instance-a");
        assertTrue(link.isResolved());
        assertEquals("instance-a", link.sourceOwner());
        link.markUnresolved();
        assertFalse(link.isResolved());
        assertEquals(null, link.sourceOwner());
    }

    private static ValueSource lastSource(NumberValue v, Link link, double next) {
        Recorder<Double> r = Recorder.on(v);
        link.deliver(next);
        return r.changes.get(r.changes.size() - 1).source();
    }
}
