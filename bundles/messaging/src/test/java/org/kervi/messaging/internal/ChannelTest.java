package org.kervi.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kervi.api.messaging.ChannelState;
import org.kervi.api.messaging.ChannelStatus;
import org.kervi.api.userlog.UserLogLevel;

/** A channel's filter, rate limit, counts and last error, on its own thread. */
class ChannelTest {
    private final BlockingQueue<ChannelMessage> delivered = new LinkedBlockingQueue<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private Channel channel;

    @AfterEach
    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    @Test
    void aFlappingSensorGetsItsLimitAndThenOneSummary() throws Exception {
        channel = channel(3, 5, new String[0]); // a window long enough for a busy machine
        for (int i = 0; i < 10; i++) {
            channel.offer(Entries.entry(i % 2 == 0 ? UserLogLevel.WARNING : UserLogLevel.ERROR, "fan.temperature",
                    "flap " + i));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals("flap " + i, next().text());
        }
        ChannelMessage summary = next();
        assertEquals(ChannelMessage.Kind.SUPPRESSED, summary.kind());
        assertEquals(7, summary.suppressed());
        assertEquals(UserLogLevel.ERROR, summary.level());
        assertTrue(summary.text().startsWith("7 more entries suppressed by the rate limit (3 per 5 s) between "),
                summary.text());
        assertTrue(summary.text().endsWith("last: ERROR fan.temperature: flap 9"), summary.text());
        ChannelStatus status = await(s -> s.sent() == 4);
        assertEquals(List.of(4L, 0L, 7L), List.of(status.sent(), status.failed(), status.suppressed()));
        assertEquals(null, delivered.poll(1500, TimeUnit.MILLISECONDS), "one summary per window, nothing more");
    }

    @Test
    void levelAndSourcesFilterEntries() throws Exception {
        channel = channel(100, 60, new String[] {"fan.*", "pump"});
        channel.offer(Entries.entry(UserLogLevel.INFO, "fan.speed", "below the level"));
        channel.offer(Entries.entry(UserLogLevel.ERROR, "lamp", "not a chosen source"));
        channel.offer(Entries.entry(UserLogLevel.ERROR, "pumps", "not the id pump"));
        channel.offer(Entries.entry(UserLogLevel.WARNING, "fan.speed", "taken"));
        channel.offer(Entries.entry(UserLogLevel.ERROR, "pump", "taken too"));
        assertEquals("taken", next().text());
        assertEquals("taken too", next().text());
        assertEquals("WARNING+ from fan.*, pump", channel.status().filter());
    }

    @Test
    void aFailedSendIsCountedWithItsErrorAndATestMessageSaysWhy() throws Exception {
        failures.add("connection refused: 127.0.0.1:1");
        channel = channel(10, 60, new String[0]);
        channel.offer(Entries.entry(UserLogLevel.ERROR, "pump", "lost"));
        ChannelStatus status = await(s -> s.failed() == 1);
        assertEquals("connection refused: 127.0.0.1:1", status.lastError());
        failures.add("HTTP 500 from https://hooks.example.com/…");
        IllegalStateException e = assertThrows(IllegalStateException.class, channel::sendTest);
        assertEquals("channel ops could not send: HTTP 500 from https://hooks.example.com/…", e.getMessage());
        assertEquals("sent a test message through email channel ops to test://ops", channel.sendTest());
        assertEquals(ChannelMessage.Kind.TEST, next().kind());
        ChannelStatus after = channel.status();
        assertEquals(List.of(1L, 2L), List.of(after.sent(), after.failed()));
    }

    @Test
    void aRefusedChannelIsListedWithItsProblemAndSendsNothing() {
        Channel refused = Channel.refused("ops", "email", "org.kervi.messaging.email~ops",
                "org.kervi.messaging.email~ops: host: missing", Clock.systemUTC());
        refused.offer(Entries.entry(UserLogLevel.ERROR, "pump", "ignored"));
        ChannelStatus status = refused.status();
        assertEquals(ChannelState.REFUSED, status.state());
        assertEquals("org.kervi.messaging.email~ops: host: missing", status.lastError());
        assertEquals("channel ops is refused: org.kervi.messaging.email~ops: host: missing",
                assertThrows(IllegalStateException.class, refused::sendTest).getMessage());
    }

    private Channel channel(int maxMessages, int perSeconds, String[] sources) {
        Problems problems = new Problems();
        CommonSettings common = CommonSettings.of("ops", "WARNING", sources, maxMessages, perSeconds, problems);
        problems.throwIfAny("test");
        Transport transport = new Transport() {
            @Override
            public void send(ChannelMessage message) throws Exception {
                if (!failures.isEmpty()) {
                    throw new java.io.IOException(failures.remove(0));
                }
                delivered.add(message);
            }

            @Override
            public String target() {
                return "test://ops";
            }
        };
        return Channel.sending("email", "org.kervi.messaging.email~ops", common, transport, "root",
                Clock.systemUTC(), Duration.ofSeconds(5));
    }

    private ChannelMessage next() throws InterruptedException {
        ChannelMessage message = delivered.poll(20, TimeUnit.SECONDS);
        assertTrue(message != null, "nothing delivered within 20 s: " + channel.status());
        return message;
    }

    private ChannelStatus await(java.util.function.Predicate<ChannelStatus> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.test(channel.status())) {
            assertTrue(System.nanoTime() < deadline, "not within 20 s: " + channel.status());
            Thread.onSpinWait();
        }
        return channel.status();
    }
}
