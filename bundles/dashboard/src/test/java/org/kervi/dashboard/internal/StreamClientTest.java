package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import org.junit.jupiter.api.Test;

class StreamClientTest {
    private static final UserSession USER = new UserSession("u", Set.of("admin"), Set.of(), "t", true);

    @Test
    void aStreamThatCannotTakeMoreNeverHoldsTheOfferingThreadAndSendsTheLatestOnceItCan() {
        Output out = new Output();
        StreamClient client = new StreamClient(1, USER, "r", Set.of("a", "b"), out, c -> { });
        client.offerControl("hello", new JsonPrimitive(1));
        client.start();
        assertEquals("event: hello\ndata: 1\n\n", out.text());

        out.ready = false;
        client.offerValues(round(entry("a", 1)));
        client.offerValues(round(entry("a", 2), entry("b", 1)));
        client.offerValues(round(entry("a", 3)));
        assertEquals("event: hello\ndata: 1\n\n", out.text(), "nothing written while the output is not ready");

        out.becomeReady();
        assertEquals("event: hello\ndata: 1\n\n"
                + "event: values\ndata: [{\"id\":\"a\",\"v\":3},{\"id\":\"b\",\"v\":1}]\n\n", out.text());
        assertEquals(2, client.valuesCoalesced());
        assertEquals(2, client.eventsSent());
    }

    @Test
    void aRoundThatFindsTheStreamIdleIsWrittenAsTheSharedBytesAndUnseenIdsAreLeftOut() {
        Output out = new Output();
        StreamClient client = new StreamClient(1, USER, "r", Set.of("a"), out, c -> { });
        client.start();
        ValuesBatch round = round(entry("a", 1));
        client.offerValues(round);
        assertSame(round.bytes(), out.writes.get(0), "the round's bytes, not a copy");

        client.offerValues(round(entry("a", 2), entry("hidden", 5)));
        assertTrue(out.text().endsWith("event: values\ndata: [{\"id\":\"a\",\"v\":2}]\n\n"), out.text());
        assertEquals(2, out.flushes);
    }

    @Test
    void aRoundKeepsOnlyTheIdsAStreamSeesAndIsItselfWhenItSeesThemAll() {
        ValuesBatch round = round(entry("a", 1), entry("b", 2));
        assertSame(round, round.only(Set.of("a", "b", "c")));
        assertEquals("event: values\ndata: [{\"id\":\"b\",\"v\":2}]\n\n", round.only(Set.of("b")).frame());
        assertTrue(round.only(Set.of("z")).isEmpty());
    }

    private static ValuesBatch round(ValuesBatch.Entry... entries) {
        return new ValuesBatch(List.of(entries));
    }

    private static ValuesBatch.Entry entry(String id, int v) {
        return new ValuesBatch.Entry(id, "{\"id\":\"" + id + "\",\"v\":" + v + "}");
    }

    /** Jetty's non-blocking output as the servlet API describes it: {@code onWritePossible} after a false isReady. */
    private static final class Output extends ServletOutputStream {
        final List<byte[]> writes = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean ready = true;
        boolean owesCallback;
        int flushes;
        WriteListener listener;

        @Override
        public boolean isReady() {
            owesCallback |= !ready;
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener l) {
            listener = l;
            callBack();
        }

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b) {
            writes.add(b);
            bytes.writeBytes(b);
        }

        @Override
        public void flush() {
            flushes++;
        }

        void becomeReady() {
            ready = true;
            if (owesCallback) {
                owesCallback = false;
                callBack();
            }
        }

        private void callBack() {
            try {
                listener.onWritePossible();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
