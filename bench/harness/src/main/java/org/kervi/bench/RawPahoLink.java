package org.kervi.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.kervi.bench.Bench.Stats;

/**
 * The raw MQTT baseline's two ends: a {@link RawPahoPeer} in its own JVM (same java and classpath, {@code -Xms32m
 * -Xmx192m}) and a Paho MQTT 5 client in this JVM, both connected to the same broker. Nothing but Paho, Gson and the
 * broker between them: the floor of any path between two JVMs through that broker.
 */
final class RawPahoLink implements AutoCloseable {
    /**
     * QoS 0 publishes the flood may have outstanding (not yet written by Paho's sender): the transport's window, so
     * both senders' memory is bounded the same way.
     */
    static final int FLOOD_WINDOW = 1000;

    private final RawMqttSettings settings;
    private final Process peer;
    private final PrintWriter peerCommands;
    private final BufferedReader peerAnswers;
    private final MqttAsyncClient client;
    private final String responseTopic;
    private volatile CompletableFuture<MqttMessage> pendingReply;

    private RawPahoLink(RawMqttSettings settings, Process peer, MqttAsyncClient client) {
        this.settings = settings;
        this.peer = peer;
        this.client = client;
        this.peerCommands = new PrintWriter(new OutputStreamWriter(peer.getOutputStream(), StandardCharsets.UTF_8),
                true);
        this.peerAnswers = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
        this.responseTopic = settings.responseTopic(client.getClientId());
    }

    static RawPahoLink start(RawMqttSettings settings) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xms32m", "-Xmx192m", "-cp",
                System.getProperty("java.class.path"), RawPahoPeer.class.getName()));
        command.addAll(settings.toArgs());
        Process peer = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        MqttAsyncClient client = null;
        try {
            client = new MqttAsyncClient(settings.brokerUrl(), "raw-harness-" + ProcessHandle.current().pid(),
                    new MemoryPersistence());
            RawPahoLink link = new RawPahoLink(settings, peer, client);
            String ready = link.peerAnswers.readLine();
            if (!"READY".equals(ready)) {
                throw new IllegalStateException("raw MQTT peer did not start: " + ready);
            }
            client.setCallback(new ReplyCallback(link));
            client.connect(settings.connectionOptions()).waitForCompletion(30_000);
            client.subscribe(link.responseTopic, settings.callQos()).waitForCompletion(30_000);
            return link;
        } catch (Exception e) {
            peer.destroyForcibly();
            if (client != null) {
                client.close(true);
            }
            throw e;
        }
    }

    long peerPid() {
        return peer.pid();
    }

    /** One value stamped with {@code System.nanoTime()}, published: the raw counterpart of a value event. */
    void sendStamp() {
        try {
            client.publish(settings.valueTopic(), valuePayload(System.nanoTime()), settings.valueQos(),
                    settings.retainValues());
        } catch (MqttException e) {
            throw new IllegalStateException("publish failed: " + e, e);
        }
    }

    /**
     * {@code count} values published as fast as Paho takes them, at most {@link #FLOOD_WINDOW} not yet written;
     * returns the published rate per second.
     */
    double flood(int count) throws Exception {
        Semaphore window = new Semaphore(FLOOD_WINDOW);
        MqttActionListener release = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                window.release();
            }
        };
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            window.acquire();
            client.publish(settings.valueTopic(), valuePayload(System.nanoTime()), settings.valueQos(),
                    settings.retainValues(), null, release);
        }
        window.acquire(FLOOD_WINDOW);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * {@code count} sequential MQTT 5 request/response calls of the peer's echo (after {@code count / 10} for
     * warm-up): the raw counterpart of an action round trip.
     */
    Stats roundTrips(int count) throws Exception {
        Latencies rt = new Latencies(count);
        long nonce = System.nanoTime();
        for (int i = 0; i < count / 10 + count; i++) {
            JsonObject call = new JsonObject();
            JsonArray args = new JsonArray();
            args.add((long) i);
            call.add("args", args);
            call.addProperty("timeoutMs", 5000);
            MqttMessage request = new MqttMessage(call.toString().getBytes(StandardCharsets.UTF_8));
            request.setQos(settings.callQos());
            MqttProperties properties = new MqttProperties();
            properties.setResponseTopic(responseTopic);
            properties.setCorrelationData(ByteBuffer.allocate(16).putLong(nonce).putLong(i).array());
            properties.setMessageExpiryInterval(5L);
            request.setProperties(properties);
            CompletableFuture<MqttMessage> reply = new CompletableFuture<>();
            pendingReply = reply;
            long start = System.nanoTime();
            client.publish(settings.requestTopic(), request);
            MqttMessage answer = reply.get(5, TimeUnit.SECONDS);
            long now = System.nanoTime();
            long correlation = ByteBuffer.wrap(answer.getProperties().getCorrelationData()).getLong(8);
            JsonObject result = JsonParser.parseString(new String(answer.getPayload(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            if (correlation != i || result.get("result").getAsLong() != i) {
                throw new IllegalStateException("call " + i + " got the reply " + result + " for " + correlation);
            }
            if (i >= count / 10) {
                rt.record(now - start, now);
            }
        }
        return Stats.parse(rt.statsJson());
    }

    void reset() {
        peerCommands.println("reset");
    }

    /** The peer's one-way statistics since the last {@link #reset}. */
    Stats stats() throws IOException {
        peerCommands.println("stats");
        String line = peerAnswers.readLine();
        if (line == null) {
            throw new IllegalStateException("the raw MQTT peer exited");
        }
        return Stats.parse(line);
    }

    /** The peer's statistics once it received {@code expected} values, or once its count stops growing for 3 s. */
    Stats awaitStats(long expected, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Stats st = stats();
        long last = -1;
        int stable = 0;
        while (st.count() < expected && stable < 10 && System.nanoTime() < deadline) {
            Bench.sleep(300);
            last = st.count();
            st = stats();
            stable = st.count() == last ? stable + 1 : 0;
        }
        return st;
    }

    /** A value event's payload as the transport writes it: {@code {"v":<value>,"ts":<ms>}}. */
    static byte[] valuePayload(long stampNanos) {
        JsonObject o = new JsonObject();
        o.addProperty("v", (double) stampNanos);
        o.addProperty("ts", System.currentTimeMillis());
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Says goodbye, gives the peer 10 s to exit, then kills it. */
    @Override
    public void close() throws Exception {
        try {
            peerCommands.println("bye");
            client.disconnect().waitForCompletion(5_000);
            client.close();
            peer.waitFor(10, TimeUnit.SECONDS);
        } finally {
            peer.destroyForcibly();
        }
    }

    private record ReplyCallback(RawPahoLink link) implements MessageOnlyCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            CompletableFuture<MqttMessage> reply = link.pendingReply;
            if (reply != null) {
                reply.complete(message);
            }
        }
    }
}
