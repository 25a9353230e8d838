package org.kervi.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.kervi.api.Registration;
import org.kervi.api.runtime.LinkInfo;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.ValueRejectedException;
import org.kervi.api.values.ValueRole;
import org.kervi.core.internal.Components.Follower;
import org.kervi.core.internal.Components.Holder;

class LinkResolutionTest {

    @Test
    void idLinkIsUnresolvedUntilTheSourceAppearsThenFollowsIt() {
        try (Runtime rt = new Runtime()) {
            Follower f = rt.add(new Follower("fan", "cpu_load"));
            assertEquals(List.of(new LinkInfo("fan.temp", "cpu_load", false, "", "")), rt.registry.links());

            Holder cpu = rt.add(new Holder("cpu", "cpu_load"));
            assertTrue(rt.registry.links().get(0).resolved());
            assertEquals("test-instance", rt.registry.links().get(0).sourceOwner());
            cpu.value.set(40);
            assertEquals(40.0, f.temp.get());
            assertEquals(80.0, f.out.get());
        }
    }

    @Test
    void lateLinkGetsTheSourcesCurrentValueAtOnce() {
        try (Runtime rt = new Runtime()) {
            Holder cpu = rt.add(new Holder("cpu", "cpu_load"));
            cpu.value.set(33);
            Follower f = rt.add(new Follower("fan", "cpu_load"));
            assertEquals(33.0, f.temp.get());
        }
    }

    @Test
    void removedSourceUnresolvesAndReturningSourceHeals() {
        try (Runtime rt = new Runtime()) {
            Follower f = rt.add(new Follower("fan", "cpu_load"));
            Holder cpu = rt.add(new Holder("cpu", "cpu_load"));
            cpu.value.set(10);
            rt.remove(cpu);
            assertFalse(rt.registry.links().get(0).resolved());
            assertTrue(rt.registry.value("cpu_load").isEmpty());
            cpu.value.set(99);
            assertEquals(10.0, f.temp.get(), "an unresolved link no longer delivers");

            Holder again = rt.add(new Holder("cpu", "cpu_load"));
            again.value.set(20);
            assertTrue(rt.registry.links().get(0).resolved());
            assertEquals(20.0, f.temp.get());
        }
    }

    @Test
    void removedInputDropsItsLinks() {
        try (Runtime rt = new Runtime()) {
            Holder cpu = rt.add(new Holder("cpu", "cpu_load"));
            Follower f = rt.add(new Follower("fan", "cpu_load"));
            rt.remove(f);
            assertEquals(List.of(), rt.registry.links());
            cpu.value.set(50);
            assertEquals(0.0, f.temp.get());
        }
    }

    @Test
    void transformIsApplied() {
        try (Runtime rt = new Runtime()) {
            Holder celsius = rt.add(new Holder("c", "celsius"));
            Holder fahrenheit = new Holder("f", "fahrenheit");
            fahrenheit.value.linkTo("celsius", c -> (Double) c * 9 / 5 + 32);
            rt.add(fahrenheit);
            celsius.value.set(100);
            assertEquals(212.0, fahrenheit.value.get());
        }
    }

    @Test
    void objectLinkFollowsTheObject() {
        try (Runtime rt = new Runtime()) {
            NumberValue source = new NumberValue("loose", "Loose");
            Holder h = new Holder("h", "h.value");
            h.value.linkTo(source, s -> s + 1);
            rt.add(h);
            source.set(4);
            assertEquals(5.0, h.value.get());
            assertTrue(rt.registry.links().get(0).resolved());
        }
    }

    @Test
    void remoteValueResolvesLinksAndForwardsWrites() throws Exception {
        try (Runtime rt = new Runtime()) {
            Follower f = rt.add(new Follower("fan", "cpu_load"));
            NumberValue proxy = new NumberValue("cpu_load", "CPU");
            List<Object> writes = new CopyOnWriteArrayList<>();
            Registration reg = rt.registry.addRemoteValue(proxy, "sensors", (id, raw) -> {
                writes.add(raw);
                return CompletableFuture.completedFuture(null);
            });
            assertEquals("sensors", rt.registry.links().get(0).sourceOwner());
            assertEquals("", rt.registry.value("cpu_load").get().componentId(), "no component given");
            Registration other = rt.registry.addRemoteValue(new NumberValue("fan2.temp", "T"), "fan2", "b", null);
            assertEquals("fan2", rt.registry.value("fan2.temp").get().componentId());
            other.close();
            proxy.set(60);
            assertEquals(60.0, f.temp.get());
            rt.registry.setValue("cpu_load", "70").get();
            assertEquals(List.of("70"), writes);
            assertEquals(60.0, proxy.get(), "the owner, not the proxy, applies writes");

            proxy.role(ValueRole.SENSOR);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> rt.registry.setValue("cpu_load", "1").get());
            assertTrue(e.getCause() instanceof ValueRejectedException);

            reg.close();
            assertFalse(rt.registry.links().get(0).resolved());
            assertThrows(IllegalStateException.class, () -> rt.registry.addRemoteValue(f.temp, "x", null));
        }
    }

    @Test
    void linkFromIncompatibleSourceShowsTheError() {
        try (Runtime rt = new Runtime()) {
            Components.Holder h = new Components.Holder("h", "h.n");
            h.value.linkTo("flag");
            rt.add(h);
            org.kervi.api.values.BooleanValue flag = new org.kervi.api.values.BooleanValue("flag", "Flag");
            rt.registry.addRemoteValue(flag, "other", null);
            flag.set(true);
            assertEquals("h.n: expected a number, got true (Boolean)", rt.registry.links().get(0).lastError());
        }
    }
}
