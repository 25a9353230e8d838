package org.kervi.itests.multi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.kervi.itests.producer.TickProducer;

/**
 * One fuzzing thread against the hub's port until a deadline: random bytes, odd length prefixes, mutated hellos
 * and wrong answers before authentication, and, after a correct handshake as its own instance, a mix of valid,
 * mutated and broken frames. Every connection must end in an answer (error frames) and a close within
 * {@code bound} of the last byte sent; anything else is a finding in the {@link FuzzTally}.
 */
final class HubFuzzer implements Runnable {
    /** Before the welcome a hub reads at most 1 KiB per frame: inputs go a little beyond it. */
    private static final int PRE_AUTH_BUDGET = 2_048;
    /** Well below the maximum frame size, so most mutated frames are read and judged, not refused by size. */
    private static final int POST_AUTH_BUDGET = 64 * 1024;
    private static final int MAX_FRAME_BYTES = 1024 * 1024;

    private final InetSocketAddress hub;
    private final HubHandshake handshake;
    private final String instance;
    private final Mutations m;
    private final FuzzTally tally;
    private final long deadlineNanos;
    private final long boundMillis;
    private long cid;

    HubFuzzer(InetSocketAddress hub, HubHandshake handshake, String instance, Mutations m, FuzzTally tally,
            long deadlineNanos, Duration bound) {
        this.hub = hub;
        this.handshake = handshake;
        this.instance = instance;
        this.m = m;
        this.tally = tally;
        this.deadlineNanos = deadlineNanos;
        this.boundMillis = bound.toMillis();
    }

    @Override
    public void run() {
        while (System.nanoTime() < deadlineNanos) {
            int kind = m.random().nextInt(20);
            try {
                if (kind < 4) {
                    randomBytes();
                } else if (kind < 9) {
                    preAuthFrame();
                } else if (kind < 11) {
                    wrongAnswer();
                } else {
                    postAuth();
                }
            } catch (IOException e) {
                tally.finding(instance + ": cannot reach the hub: " + e);
            }
        }
    }

    private void randomBytes() throws IOException {
        byte[] noise = m.bytes(m.between(1, 4_096));
        boolean keepOpen = m.random().nextInt(10) == 0;
        exchange("pre-auth: " + noise.length + " random bytes" + (keepOpen ? ", connection left open" : ""),
                List.of(noise), keepOpen);
    }

    private void preAuthFrame() throws IOException {
        byte[] payload;
        String what;
        int kind = m.random().nextInt(6);
        if (kind == 0) {
            payload = m.deeplyNested("hello", m.random().nextBoolean() ? "app" : "nonce", m.between(50, 200_000));
            what = m.last();
        } else if (kind == 1) {
            JsonObject hello = handshake.hello(instance);
            hello.add("v", m.pick(new JsonElement[] {num(1), num(2), num(4), num(0), num(-1),
                num(Integer.MAX_VALUE), new JsonPrimitive("3"), new JsonPrimitive(3.5)}));
            if (m.random().nextBoolean()) {
                hello.addProperty("app", "another-" + m.text(m.between(0, 12)));
            }
            payload = bytes(hello);
            what = "hello " + hello;
        } else {
            JsonObject valid = m.pick(preAuthTemplates());
            JsonObject mutated = m.mutate(valid, PRE_AUTH_BUDGET);
            payload = bytes(mutated);
            what = m.last();
            if (m.random().nextInt(4) == 0) {
                payload = m.damage(payload);
                what += " then " + m.last();
            }
        }
        int prefix = m.lengthPrefix(payload.length);
        boolean keepOpen = m.random().nextInt(10) == 0;
        exchange("pre-auth: " + what + " behind a length prefix of " + prefix + (keepOpen ? ", connection left open"
                : ""), List.of(HubWire.prefixed(prefix, payload)), keepOpen);
    }

    /** A correct hello, then a wrong, mutated or missing answer to the challenge. */
    private void wrongAnswer() throws IOException {
        try (Socket s = connect()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            JsonObject hello = handshake.hello(instance + "-w");
            HubWire.send(s.getOutputStream(), hello);
            JsonObject challenge = readWithin(s, in, "the challenge to a valid hello");
            if (challenge == null || !"challenge".equals(type(challenge))) {
                tally.finding("a valid hello got " + challenge + " instead of a challenge");
                return;
            }
            if (!handshake.hubProved(hello, challenge)) {
                tally.finding("the hub's challenge does not prove the key: " + challenge);
            }
            JsonObject auth = handshake.auth(hello, challenge);
            String what;
            if (m.random().nextBoolean()) {
                auth.addProperty("mac", Base64.getEncoder().encodeToString(m.bytes(32)));
                what = "a wrong mac";
            } else {
                auth = m.mutate(auth, PRE_AUTH_BUDGET);
                what = m.last();
            }
            s.getOutputStream().write(HubWire.frame(auth));
            s.shutdownOutput();
            drain(s, in, "pre-auth: the answer to a challenge was " + what, System.nanoTime(), true);
        }
    }

    private void postAuth() throws IOException {
        try (Socket s = connect()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            try {
                handshake.authenticate(s, instance);
            } catch (HubHandshake.Refused e) {
                tally.count("post-auth: handshake refused: " + e.getMessage().replaceAll("\"nonce\":\"[^\"]*\"", ""));
                return;
            } catch (SocketTimeoutException e) {
                tally.finding("the handshake of " + instance + " got no answer within " + boundMillis + " ms");
                return;
            }
            tally.count("post-auth: welcomed");
            OutputStream out = s.getOutputStream();
            List<String> sent = new ArrayList<>();
            int frames = m.between(1, 12);
            boolean framingBroken = false;
            try {
                for (int i = 0; i < frames && !framingBroken; i++) {
                    int kind = m.random().nextInt(20);
                    JsonObject valid = m.pick(postAuthTemplates());
                    byte[] frame;
                    if (kind < 8) {
                        frame = HubWire.frame(valid);
                        sent.add(Mutations.abbreviate(valid));
                    } else if (kind < 15) {
                        frame = HubWire.frame(m.mutate(valid, POST_AUTH_BUDGET));
                        sent.add(m.last());
                    } else if (kind < 17) {
                        frame = HubWire.prefixed(m.damage(bytes(valid)));
                        sent.add(Mutations.abbreviate(valid) + " with " + m.last());
                    } else if (kind < 18) {
                        frame = HubWire.prefixed(m.deeplyNested(type(valid), "args", m.between(1_000, 300_000)));
                        sent.add(m.last());
                    } else if (kind < 19) {
                        byte[] payload = bytes(valid);
                        int prefix = m.lengthPrefix(payload.length);
                        frame = HubWire.prefixed(prefix, payload);
                        sent.add(Mutations.abbreviate(valid) + " behind a length prefix of " + prefix);
                        framingBroken = prefix != payload.length;
                    } else {
                        int size = MAX_FRAME_BYTES + m.between(1, MAX_FRAME_BYTES);
                        frame = HubWire.prefixed(size, m.bytes(1_024));
                        sent.add("a length prefix of " + size + " (beyond the maximum frame size) and 1 KiB");
                        framingBroken = true;
                    }
                    out.write(frame);
                }
                out.flush();
            } catch (SocketException closedByTheHub) {
                tally.count("post-auth: the hub closed while we sent");
            }
            boolean keepOpen = m.random().nextInt(10) == 0;
            if (!keepOpen) {
                s.shutdownOutput();
            }
            drain(s, in, "post-auth as " + instance + ": " + String.join(" | ", sent)
                    + (keepOpen ? ", connection left open" : ""), System.nanoTime(), false);
        }
    }

    private void exchange(String what, List<byte[]> chunks, boolean keepOpen) throws IOException {
        try (Socket s = connect()) {
            try {
                for (byte[] chunk : chunks) {
                    s.getOutputStream().write(chunk);
                }
                s.getOutputStream().flush();
                if (!keepOpen) {
                    s.shutdownOutput();
                }
            } catch (SocketException closedByTheHub) {
                tally.count("pre-auth: the hub closed while we sent");
            }
            drain(s, new DataInputStream(s.getInputStream()), what, System.nanoTime(), true);
        }
    }

    /**
     * Reads what the hub sends until it closes: error frames are counted by code; a challenge is fine before the
     * welcome (a hello that was still valid), anything still open after {@code bound} is a finding.
     */
    private void drain(Socket s, DataInputStream in, String what, long sentAt, boolean preAuth) throws IOException {
        String errors = "";
        while (true) {
            JsonObject frame;
            try {
                frame = readWithin(s, in, what, sentAt);
            } catch (HubWire.MalformedFrame e) {
                tally.finding(e.getMessage() + " after " + what);
                return;
            } catch (SocketTimeoutException e) {
                tally.finding("the hub neither answered nor closed within " + boundMillis + " ms after " + what);
                return;
            } catch (SocketException | EOFException e) {
                tally.count((preAuth ? "pre-auth" : "post-auth") + ": connection reset or cut" + errors);
                return;
            }
            if (frame == null) {
                tally.count((preAuth ? "pre-auth" : "post-auth") + ": closed" + (errors.isEmpty() ? " silently"
                        : " after error" + errors));
                return;
            }
            if ("error".equals(type(frame))) {
                String code = frame.has("code") ? frame.get("code").getAsString() : "(no code)";
                if (!errors.contains(code)) {
                    errors += " " + code;
                }
            }
        }
    }

    private JsonObject readWithin(Socket s, DataInputStream in, String what) throws IOException {
        return readWithin(s, in, what, System.nanoTime());
    }

    /** The next frame, or null at the end; a {@link SocketTimeoutException} once {@code bound} has passed. */
    private JsonObject readWithin(Socket s, DataInputStream in, String what, long since) throws IOException {
        long left = boundMillis - (System.nanoTime() - since) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("still open: " + what);
        }
        s.setSoTimeout((int) left);
        return HubWire.read(in);
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(hub, 5_000);
        s.setSoTimeout((int) boundMillis);
        return s;
    }

    private List<JsonObject> preAuthTemplates() {
        JsonObject auth = new JsonObject();
        auth.addProperty("t", "auth");
        auth.addProperty("mac", Base64.getEncoder().encodeToString(m.bytes(32)));
        JsonObject value = value(TickProducer.TICK, 1);
        return List.of(handshake.hello(instance), handshake.hello(instance), auth, value);
    }

    private List<JsonObject> postAuthTemplates() {
        JsonObject hb = new JsonObject();
        hb.addProperty("t", "hb");
        JsonObject subscribe = new JsonObject();
        subscribe.addProperty("t", "subscribe");
        subscribe.add("ids", strings(m.random().nextBoolean() ? "*" : TickProducer.TICK));
        JsonObject register = new JsonObject();
        register.addProperty("t", "register");
        JsonArray values = new JsonArray();
        JsonObject descriptor = new JsonObject();
        descriptor.addProperty("id", instance + ".v" + m.random().nextInt(4));
        descriptor.addProperty("kind", "number");
        descriptor.addProperty("role", "sensor");
        descriptor.addProperty("name", "Fuzz");
        descriptor.addProperty("component", instance);
        descriptor.add("attrs", new JsonObject());
        values.add(descriptor);
        register.add("values", values);
        register.add("actions", new JsonArray());
        JsonObject unregister = new JsonObject();
        unregister.addProperty("t", "unregister");
        unregister.add("ids", strings(instance + ".v0"));
        JsonObject write = new JsonObject();
        write.addProperty("t", "write");
        write.addProperty("cid", ++cid);
        write.addProperty("id", TickProducer.SETPOINT);
        write.addProperty("val", m.between(0, 100));
        JsonObject call = new JsonObject();
        call.addProperty("t", "call");
        call.addProperty("cid", ++cid);
        call.addProperty("id", "ticker.none");
        call.add("args", new JsonArray());
        call.addProperty("timeout", 1_000);
        JsonObject reply = new JsonObject();
        reply.addProperty("t", "reply");
        reply.addProperty("cid", m.between(1, 1_000));
        reply.addProperty("result", 1);
        return List.of(hb, subscribe, register, unregister, write, call, reply, value(instance + ".v0", 1.5),
                value(TickProducer.TICK, -1));
    }

    private static JsonObject value(String id, double v) {
        JsonObject value = new JsonObject();
        value.addProperty("t", "value");
        value.addProperty("id", id);
        value.addProperty("val", v);
        value.addProperty("ts", System.currentTimeMillis());
        return value;
    }

    private static JsonArray strings(String... items) {
        JsonArray a = new JsonArray();
        for (String item : items) {
            a.add(item);
        }
        return a;
    }

    private static JsonPrimitive num(long n) {
        return new JsonPrimitive(n);
    }

    private static String type(JsonObject frame) {
        return frame.has("t") && frame.get("t").isJsonPrimitive() ? frame.get("t").getAsString() : "";
    }

    private static byte[] bytes(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
