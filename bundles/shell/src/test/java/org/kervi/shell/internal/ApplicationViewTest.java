package org.kervi.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.runtime.LinkInfo;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;
import org.kervi.shell.internal.RemoteLinks.OwnedLink;

/** The whole application as one instance sees it: other instances' components and links, from the directory. */
class ApplicationViewTest {

    /** The root of the fan demo: its own app value, and proxies of the modules' values (a proxy's linkedTo). */
    private final FakeRegistry root = new FakeRegistry("root")
            .with(new NumberValue("app.uptime", "Uptime"), "app", "root")
            .with(new NumberValue("cpu_load", "CPU load"), "cpu_load", "sensors")
            .with(new NumberValue("fan_controller.temp", "Temp").attribute(Value.LINKED_TO, List.of("cpu_load")),
                    "fan_controller", "controllers")
            .with(new NumberValue("fan_controller.fan_speed", "Fan speed"), "fan_controller", "controllers")
            .with(new NumberValue("other.input", "Input").attribute(Value.LINKED_TO, List.of("gone.value")), "other",
                    "controllers");

    @Test
    void componentsOfOtherInstancesAreKnownByTheirValuesAndActions() {
        List<ActionInfo> actions = List.of(action("fan_controller.activate", "fan_controller", "controllers", false),
                action("app_main", "app", "root", true));
        assertEquals(List.of(
                new RemoteComponent("cpu_load", "sensors", List.of("cpu_load"), List.of()),
                new RemoteComponent("fan_controller", "controllers",
                        List.of("fan_controller.fan_speed", "fan_controller.temp"), List.of("fan_controller.activate")),
                new RemoteComponent("other", "controllers", List.of("other.input"), List.of())),
                RemoteComponent.of(root.values(), actions));
    }

    @Test
    void linksOfOtherInstancesComeFromTheirValuesLinkedToAndResolveWhenTheSourceIsKnown() {
        assertEquals(List.of(
                new OwnedLink(new LinkInfo("fan_controller.temp", "cpu_load", true, "sensors", ""), "controllers"),
                new OwnedLink(new LinkInfo("other.input", "gone.value", false, "", ""), "controllers")),
                RemoteLinks.of(root));
    }

    @Test
    void anInstancesOwnValuesAreNotRepeatedAsRemote() {
        FakeRegistry controllers = new FakeRegistry("controllers")
                .with(new NumberValue("fan_controller.temp", "Temp").linkTo("cpu_load"), "fan_controller",
                        "controllers");
        assertEquals(List.of(), RemoteLinks.of(controllers));
        assertEquals(List.of(), RemoteComponent.of(controllers.values(), List.of()));
    }

    private static ActionInfo action(String id, String componentId, String owner, boolean local) {
        return new ActionInfo(id, id, componentId, owner, local, List.of(), "number", "", ActionConcurrency.SERIAL,
                Duration.ofSeconds(1));
    }
}
