package org.kervi.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionService;
import org.kervi.api.values.NumberValue;

/**
 * {@code kervi:values} and {@code kervi:actions} take the same filter (an id prefix, {@code --local}); values show
 * their sensor type and whether the dashboard hides them.
 */
class ListFilterTest {
    private final FakeRegistry registry = new FakeRegistry("root")
            .with(new NumberValue("air", "Air").unit("°C").sensorType("temperature"), "air", "sensors")
            .with(new NumberValue("fan.speed", "Speed").unit("%"), "fan", "root")
            .with(new NumberValue("fan.offset", "Offset").visible(false), "fan", "root");

    private final List<ActionInfo> actionList = List.of(action("fan.activate", "root", true),
            action("fan.reset", "root", true), action("pump.start", "actuators", false));

    @Test
    void valuesShowTypeAndHiddenAndFilterByPrefixAndLocal() throws Exception {
        ValuesCommand all = new ValuesCommand();
        all.registry = registry;
        all.noFormat = true;
        String out = run(all::execute);
        assertEquals(List.of("Air", "temperature", ""), cells(out, "air", 5, 8));
        assertEquals(List.of("Offset", "", "hidden"), cells(out, "fan.offset", 5, 8));

        ValuesCommand fan = new ValuesCommand();
        fan.registry = registry;
        fan.noFormat = true;
        fan.prefix = "fan.";
        assertEquals(List.of("fan.offset", "fan.speed"), ids(run(fan::execute)));
        fan.prefix = null;
        fan.localOnly = true;
        assertEquals(List.of("fan.offset", "fan.speed"), ids(run(fan::execute)));
    }

    @Test
    void actionsTakeTheSameFilter() throws Exception {
        ActionsCommand command = new ActionsCommand();
        command.actions = actions(actionList);
        command.noFormat = true;
        assertEquals(List.of("fan.activate", "fan.reset", "pump.start"), ids(run(command::execute)));
        command.prefix = "fan.r";
        assertEquals(List.of("fan.reset"), ids(run(command::execute)));
        command.prefix = null;
        command.localOnly = true;
        assertEquals(List.of("fan.activate", "fan.reset"), ids(run(command::execute)));
        command.prefix = "pump";
        assertEquals(List.of(), ids(run(command::execute)));
    }

    private static ActionInfo action(String id, String owner, boolean local) {
        return new ActionInfo(id, id, id.substring(0, id.indexOf('.')), owner, local, List.of(), "void", "",
                ActionConcurrency.SERIAL, Duration.ofSeconds(1));
    }

    /** An ActionService that lists {@code list} and runs nothing (a proxy: the interface grows with the product). */
    private static ActionService actions(List<ActionInfo> list) {
        return (ActionService) Proxy.newProxyInstance(ListFilterTest.class.getClassLoader(),
                new Class<?>[] {ActionService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "actions" -> list;
                    case "running" -> 0;
                    case "status" -> java.util.Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private interface Command {
        Object execute() throws Exception;
    }

    private static synchronized String run(Command command) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> ids(String table) {
        return table.lines().map(l -> l.split("\t", -1)[0].trim()).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> cells(String table, String id, int from, int to) {
        return table.lines().map(l -> l.split("\t", -1)).filter(c -> c[0].trim().equals(id) && c.length >= to)
                .findFirst().map(c -> Arrays.stream(c, from, to).map(String::trim).toList()).orElse(List.of());
    }
}
