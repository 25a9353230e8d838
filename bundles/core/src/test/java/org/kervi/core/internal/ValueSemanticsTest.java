package org.kervi.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.kervi.api.Registration;
import org.kervi.api.runtime.ComponentInfo;
import org.kervi.api.runtime.LinkInfo;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.ValueRole;
import org.kervi.core.internal.Components.Follower;
import org.kervi.core.internal.Components.Holder;

/** Issue 13, points 1 and 2: delta discards and link rules as the registry, its links and its listeners see them. */
class ValueSemanticsTest {

    /** A controller with an input {@code <id>.temp} that has {@code delta} and follows nothing yet. */
    private static Follower thermostat(String id, double delta) {
        Follower f = new Follower(id);
        f.temp.delta(delta);
        return f;
    }

    @Test
    void aDiscardedWriteIsNotStoredFiredForwardedOrLinked() throws Exception {
        try (Runtime rt = new Runtime()) {
            Holder tank = rt.add(new Holder("tank", "tank.level"));
            tank.value.delta(10);
            Follower linked = thermostat("t", 0);
            linked.temp.linkTo("tank.level");
            rt.add(linked);
            rt.tracker.markReady();
            List<Object> everyView = new CopyOnWriteArrayList<>();
            rt.registry.subscribeAll(change -> {
                if (!change.id().endsWith(".out")) { // what the followers compute from their input
                    everyView.add(change.id() + "=" + change.current());
                }
            });

            rt.registry.setValue("tank.level", "20").get();
            rt.registry.setValue("tank.level", "25").get();   // within 10 of 20: discarded
            rt.registry.setValue("tank.level", "10.5").get(); // within 10 of 20: discarded
            assertEquals(20.0, rt.registry.value("tank.level").get().value().get());
            assertEquals(List.of("tank.level=20.0", "t.temp=20.0"), everyView);
            assertEquals(List.of(20.0), linked.seen);

            Follower late = thermostat("late", 0);
            late.temp.linkTo("tank.level");
            rt.add(late);
            assertEquals(20.0, late.temp.get(), "a follower linked later gets the last accepted value");

            rt.registry.setValue("tank.level", "10").get();   // exactly 10 below: accepted
            assertTrue(everyView.contains("tank.level=10.0"), everyView.toString());
            assertEquals(10.0, late.temp.get());
            assertEquals(List.of(20.0, 10.0), linked.seen);
        }
    }

    @Test
    void aLinkIntoAnInputWithADeltaAppliesTheInputsDelta() {
        try (Runtime rt = new Runtime()) {
            Holder source = rt.add(new Holder("src", "src.level"));
            Follower t = thermostat("t", 5);
            t.temp.linkTo("src.level");
            rt.add(t);
            source.value.set(50);
            source.value.set(54);
            assertEquals(50.0, t.temp.get());
            source.value.set(55);
            assertEquals(55.0, t.temp.get());
            source.value.set(51);
            assertEquals(55.0, t.temp.get());
            assertEquals(51.0, source.value.get(), "the source keeps its own value; only the input discards");
        }
    }

    @Test
    void linkToAfterRegistrationTakesEffectForALocalSource() {
        try (Runtime rt = new Runtime()) {
            Holder source = rt.add(new Holder("src", "src.level"));
            source.value.set(7);
            Follower t = rt.add(thermostat("t", 0));
            t.temp.linkTo("src.level");
            assertEquals(7.0, t.temp.get(), "resolved at once with the source's current value");
            assertEquals(List.of(new LinkInfo("t.temp", "src.level", true, "test-instance", "")),
                    rt.registry.links());
            source.value.set(8);
            assertEquals(8.0, t.temp.get());

            t.temp.linkTo("src.later");
            Holder later = rt.add(new Holder("later", "src.later"));
            later.value.set(3);
            assertEquals(3.0, t.temp.get(), "a late link to a source that is not there yet resolves when it comes");

            rt.remove(t);
            assertEquals(List.of(), rt.registry.links());
            source.value.set(9);
            assertEquals(3.0, t.temp.get(), "a removed component's links are gone");
            t.temp.linkTo("src.level");
            assertEquals(List.of(), rt.registry.links(), "a linkTo on a removed component is not picked up");
        }
    }

    @Test
    void linkToAfterRegistrationTakesEffectForARemoteSource() {
        try (Runtime rt = new Runtime()) {
            NumberValue proxy = new NumberValue("remote.level", "Remote");
            proxy.role(ValueRole.OUTPUT);
            Registration remote = rt.registry.addRemoteValue(proxy, "other", "b",
                    (id, raw) -> CompletableFuture.completedFuture(null));
            proxy.set(40);
            Follower t = rt.add(thermostat("t", 0));
            t.temp.linkTo("remote.level");
            assertEquals(40.0, t.temp.get());
            assertEquals("b", rt.registry.links().get(0).sourceOwner());
            proxy.set(41);
            assertEquals(41.0, t.temp.get());
            remote.close();
            assertFalse(rt.registry.links().get(0).resolved());
        }
    }

    @Test
    void anInputFoundAsSourceLeavesTheLinkUnresolvedWithTheReasonAndDeliversNothing() {
        try (Runtime rt = new Runtime()) {
            Follower a = rt.add(thermostat("a", 0));
            Follower b = thermostat("b", 0);
            b.temp.linkTo("a.temp");
            rt.add(b);
            LinkInfo link = rt.registry.links().get(0);
            assertFalse(link.resolved());
            assertEquals("cannot link 'b.temp' to 'a.temp': 'a.temp' is an input; a link runs from an output,"
                    + " a sensor or a standalone value into an input", link.lastError());
            a.temp.set(12);
            assertEquals(0.0, b.temp.get());

            // the same with a remote input, linked after registration
            NumberValue remoteInput = new NumberValue("c.temp", "C");
            remoteInput.role(ValueRole.INPUT);
            rt.registry.addRemoteValue(remoteInput, "c", "b", null);
            b.temp.linkTo("c.temp");
            LinkInfo remote = rt.registry.links().stream().filter(l -> l.sourceId().equals("c.temp")).findFirst()
                    .orElseThrow();
            assertFalse(remote.resolved());
            assertTrue(remote.lastError().contains("'c.temp' is an input"), remote.lastError());

            // the input goes, an output with its id comes: the link resolves
            rt.remove(a);
            Holder output = new Holder("a2", "a.temp");
            output.value.role(ValueRole.OUTPUT);
            rt.add(output);
            output.value.set(5);
            assertEquals(5.0, b.temp.get());
            LinkInfo healed = rt.registry.links().stream().filter(l -> l.sourceId().equals("a.temp")).findFirst()
                    .orElseThrow();
            assertTrue(healed.resolved());
            assertEquals("", healed.lastError());
        }
    }

    @Test
    void aComponentWhoseOutputFollowsSomethingIsRefusedWithBothIds() {
        try (Runtime rt = new Runtime()) {
            Holder h = new Holder("h", "h.value");
            h.value.linkTo("cpu_load");
            h.value.role(ValueRole.OUTPUT); // made an output after linkTo, so linkTo could not tell
            rt.add(h);
            ComponentInfo info = rt.registry.components().get(0);
            assertEquals("refused", info.state());
            assertTrue(info.error().startsWith("cannot link 'h.value' to 'cpu_load': 'h.value' is an output"),
                    info.error());
            assertTrue(rt.registry.value("h.value").isEmpty());
        }
    }
}
