package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.After;
import org.junit.Test;
import org.kervi.itests.producer.DeltaOwner;
import org.kervi.itests.producer.LinkSource;
import org.kervi.itests.producer.ProducerBundle;
import org.kervi.testkit.KarafProcess;

/**
 * Issue 13, points 1 and 2, across two real Karaf processes: a (the hub, {@link LinkSource}) and b ({@link
 * DeltaOwner}). After each step both instances show the same value for every id involved: a write within the delta
 * discarded in b (written in b, then from a), a link into an input with a delta, a {@code linkTo} made after
 * registration, and the errors of links that run the wrong way, as the shell shows them.
 */
public class ValueSemanticsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private KarafProcess a;
    private KarafProcess b;
    private int marker;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(a, b);
    }

    @Test
    public void bothInstancesAgreeOnDeltaDiscardsLinksAndLateLinks() {
        int hubPort = Ports.free();
        a = CrossInstanceIT.linked("a", "hub", hubPort);
        b = CrossInstanceIT.linked("b", "client", hubPort);
        ProducerBundle.write(a.home().resolve("deploy/link-source.jar"), LinkSource.class);
        ProducerBundle.write(b.home().resolve("deploy/delta-owner.jar"), DeltaOwner.class);
        KarafProcess.startAll(a, b);
        a.execute("feature:install kervi-ipc");
        b.execute("feature:install kervi-ipc");
        a.awaitOutput("kervi:values", out -> out.contains(DeltaOwner.MARKER), TIMEOUT);
        b.awaitOutput("kervi:links --local --no-format", out -> row(out, DeltaOwner.TARGET).contains("\tresolved"),
                TIMEOUT);

        // 1. a set within the delta, made in the owner, is discarded: not stored, not sent
        b.execute("kervi:value-set " + DeltaOwner.LEVEL + " 20");
        bothShow(DeltaOwner.LEVEL, "20");
        assertEquals(DeltaOwner.LEVEL + " = 20", b.execute("kervi:value-set " + DeltaOwner.LEVEL + " 25").trim());
        assertEquals("20", get(b, DeltaOwner.LEVEL));
        afterBsEarlierEvents();
        assertEquals("a never got the discarded 25", "20", get(a, DeltaOwner.LEVEL));

        // 2. the same written from a into b's value: the owner decides, a keeps no value b discarded
        a.execute("kervi:value-set " + DeltaOwner.LEVEL + " 29.5");
        assertEquals("b discarded a's write", "20", get(b, DeltaOwner.LEVEL));
        afterBsEarlierEvents();
        assertEquals("20", get(a, DeltaOwner.LEVEL));
        a.execute("kervi:value-set " + DeltaOwner.LEVEL + " 10");
        bothShow(DeltaOwner.LEVEL, "10");

        // 3. a link into an input with a delta applies the input's delta
        a.execute("kervi:value-set " + LinkSource.SOURCE + " 50");
        bothShow(DeltaOwner.TARGET, "50");
        a.execute("kervi:value-set " + LinkSource.SOURCE + " 54");
        b.awaitOutput("kervi:value-get " + LinkSource.SOURCE, out -> out.trim().equals("54"), TIMEOUT);
        assertEquals("54 is within 5 of 50", "50", get(b, DeltaOwner.TARGET));
        afterBsEarlierEvents();
        assertEquals("50", get(a, DeltaOwner.TARGET));
        a.execute("kervi:value-set " + LinkSource.SOURCE + " 55");
        bothShow(DeltaOwner.TARGET, "55");

        // 4. linkTo after registration takes effect: current value at once, then every change
        assertEquals(DeltaOwner.LATE + " follows " + LinkSource.SOURCE, b.execute("kervi:action "
                + DeltaOwner.LINK_ACTION + " " + DeltaOwner.LATE + " " + LinkSource.SOURCE).trim());
        bothShow(DeltaOwner.LATE, "55");
        a.execute("kervi:value-set " + LinkSource.SOURCE + " 70");
        bothShow(DeltaOwner.LATE, "70");
        bothShow(DeltaOwner.TARGET, "70");
        a.awaitOutput("kervi:links --no-format", out -> row(out, DeltaOwner.LATE)
                .equals(String.join("\t", DeltaOwner.LATE, LinkSource.SOURCE, "resolved", "a", "", "b")), TIMEOUT);
        assertEquals(List.of(LinkSource.SOURCE, "resolved", "a", ""),
                CrossInstanceIT.cells(b.execute("kervi:links --local --no-format"), DeltaOwner.LATE, 1, 5));

        // 5. links the wrong way fail with errors naming both ids
        String outputFollowing = b.run("kervi:action " + DeltaOwner.LINK_ACTION + " " + DeltaOwner.OUT + " "
                + DeltaOwner.TARGET).error().orElse("no error");
        assertTrue(outputFollowing, outputFollowing.contains("cannot link '" + DeltaOwner.OUT + "' to '"
                + DeltaOwner.TARGET + "': '" + DeltaOwner.OUT + "' is an output"));
        b.execute("kervi:action " + DeltaOwner.LINK_ACTION + " " + DeltaOwner.OTHER + " " + LinkSource.INPUT);
        String refused = "cannot link '" + DeltaOwner.OTHER + "' to '" + LinkSource.INPUT + "': '" + LinkSource.INPUT
                + "' is an input; a link runs from an output, a sensor or a standalone value into an input";
        assertEquals(List.of(LinkSource.INPUT, "unresolved", "", refused),
                CrossInstanceIT.cells(b.execute("kervi:links --local --no-format"), DeltaOwner.OTHER, 1, 5));
        a.awaitOutput("kervi:links --no-format", out -> row(out, DeltaOwner.OTHER)
                .equals(String.join("\t", DeltaOwner.OTHER, LinkSource.INPUT, "unresolved", "", refused, "b")),
                TIMEOUT);
        assertTrue(b.execute("kervi:value-get -v " + DeltaOwner.OTHER).contains("(unresolved: " + refused + ")"));
        a.execute("kervi:value-set " + LinkSource.INPUT + " 3");
        b.awaitOutput("kervi:value-get " + LinkSource.INPUT, out -> out.trim().equals("3"), TIMEOUT);
        assertEquals("nothing crossed the refused link", "0", get(b, DeltaOwner.OTHER));
        afterBsEarlierEvents();
        assertEquals("0", get(a, DeltaOwner.OTHER));
    }

    private static String get(KarafProcess instance, String id) {
        return instance.execute("kervi:value-get " + id).trim();
    }

    /** Waits until a and b both show {@code expected} for {@code id}. */
    private void bothShow(String id, String expected) {
        b.awaitOutput("kervi:value-get " + id, out -> out.trim().equals(expected), TIMEOUT);
        a.awaitOutput("kervi:value-get " + id, out -> out.trim().equals(expected), TIMEOUT);
    }

    /** Sets b's marker and waits until a has it: b's events sent before it reached a (one connection, in order). */
    private void afterBsEarlierEvents() {
        marker++;
        b.execute("kervi:value-set " + DeltaOwner.MARKER + " " + marker);
        a.awaitOutput("kervi:value-get " + DeltaOwner.MARKER, out -> out.trim().equals(Integer.toString(marker)),
                TIMEOUT);
    }

    /** The tab-separated row whose first cell is {@code id}, trimmed cells, or "" when there is none. */
    private static String row(String table, String id) {
        for (String line : table.split("\\R")) {
            String[] cells = line.split("\t", -1);
            if (cells[0].trim().equals(id)) {
                return String.join("\t", java.util.Arrays.stream(cells).map(String::trim).toList());
            }
        }
        return "";
    }
}
