package org.kervi.api.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueRejectedException;

class ControllerTest {

    static final class Doubler extends Controller {
        final NumberValue in = inputs().number("in", "In").range(0, 10);
        final NumberValue out = outputs().number("out", "Out");
        final List<String> changed = new ArrayList<>();

        Doubler() {
            super("doubler", "Doubler");
        }

        @Override
        protected void inputChanged(Value<?> input) {
            changed.add(input.id());
            out.set(in.doubleValue() * 2);
        }
    }

    @Test
    void inputsAndOutputsAreNamedAfterTheController() {
        Doubler d = new Doubler();
        assertEquals("doubler.in", d.in.id());
        assertEquals(List.of("doubler.in", "doubler.out"), d.values().stream().map(Value::id).toList());
    }

    @Test
    void inputChangedStartsOnlyOnceStarted() {
        Doubler d = new Doubler();
        d.in.setFromOutside(3);
        assertEquals(List.of(), d.changed);
        assertEquals(0.0, d.out.get());
        try (TestContext context = new TestContext()) {
            d.start(context);
            d.in.setFromOutside("4");
            assertEquals(List.of("doubler.in"), d.changed);
            assertEquals(8.0, d.out.get());
            d.stop();
            d.in.setFromOutside(5);
            assertEquals(1, d.changed.size());
        }
    }

    @Test
    void outputsAreReadOnlyFromOutside() {
        Doubler d = new Doubler();
        assertThrows(ValueRejectedException.class, () -> d.out.setFromOutside(1));
        assertThrows(ValueRejectedException.class, () -> d.in.setFromOutside(11));
    }
}
