package org.kervi.ipc.internal.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class RateLimitedLogTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000);
    /** Records warn/error/info lines with their arguments put in. */
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getReturnType() == boolean.class) {
                    return true;
                }
                if (List.of("warn", "error", "info").contains(method.getName()) && args[0] instanceof String format) {
                    Object[] rest = args.length == 2 && args[1] instanceof Object[] a ? a
                            : java.util.Arrays.copyOfRange(args, 1, args.length);
                    String text = format;
                    for (Object r : rest) {
                        text = text.replaceFirst("\\{\\}", java.util.regex.Matcher.quoteReplacement(
                                String.valueOf(r)));
                    }
                    lines.add(method.getName() + " " + text);
                }
                return method.getName().equals("getName") ? "test" : null;
            });
    private final RateLimitedLog log = new RateLimitedLog(logger, 5, 60_000, now::get);

    @Test
    void twentyThousandComplaintsWriteABoundedNumberOfLinesAndSayHowManyWereHeld() {
        for (int i = 0; i < 20_000; i++) {
            log.warn("events not applied", "event of '{}' not applied: {}", "x" + i, "not a number");
        }
        assertEquals(5, lines.size(), String.join("\n", lines));
        assertEquals("warn event of 'x0' not applied: not a number", lines.get(0));
        assertEquals(19_995, log.held("events not applied"));

        now.addAndGet(60_000);
        log.warn("events not applied", "event of '{}' not applied: {}", "y", "not a number");
        assertEquals("warn … and 19,995 more like it (events not applied) in the last 60 s", lines.get(5));
        assertEquals("warn event of 'y' not applied: not a number", lines.get(6));
        assertEquals(0, log.held("events not applied"));
    }

    @Test
    void kindsAreCountedApartAndFlushSaysWhatAnEndedWindowHeld() {
        for (int i = 0; i < 7; i++) {
            log.error("refused claims", "claim {} refused", i);
            log.warn("id quota", "quota {}", i);
        }
        assertEquals(10, lines.size());
        log.flush();
        assertEquals(10, lines.size(), "nothing said before the window ends");
        now.addAndGet(60_000);
        log.flush();
        assertEquals(12, lines.size());
        assertEquals(List.of("error … and 2 more like it (refused claims) in the last 60 s",
                "warn … and 2 more like it (id quota) in the last 60 s"), lines.subList(10, 12).stream().sorted()
                .toList());
        log.flush();
        assertEquals(12, lines.size(), "said once");
    }

    @Test
    void globsMatchAnyCharactersDotsIncludedAndNothingElse() {
        AccessPolicy p = new AccessPolicy("root", java.util.Map.of("b", List.of("fan_controller.*", "x.y")),
                java.util.Map.of());
        assertEquals(true, p.allows("b", AccessPolicy.Kind.CALL, "fan_controller.activate", "c"));
        assertEquals(true, p.allows("b", AccessPolicy.Kind.CALL, "x.y", "c"));
        assertEquals(false, p.allows("b", AccessPolicy.Kind.CALL, "xzy", "c"), "a dot is literal");
        assertEquals(false, p.allows("b", AccessPolicy.Kind.WRITE, "x.y", "c"), "a call grant is no write grant");
        assertEquals(false, p.allows("c", AccessPolicy.Kind.CALL, "x.y", "d"));
        assertEquals(true, p.allows("c", AccessPolicy.Kind.WRITE, "c.own", "c"), "own ids");
        assertEquals(true, p.allows("root", AccessPolicy.Kind.WRITE, "c.own", "c"), "the root");
        assertEquals(true, AccessPolicy.OPEN.allows("c", AccessPolicy.Kind.CALL, "x", "d"));
    }
}
