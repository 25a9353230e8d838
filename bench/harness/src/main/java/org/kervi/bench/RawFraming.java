package org.kervi.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The raw baseline's wire format: Kervi's framing (4-byte big-endian length + UTF-8 JSON), Gson both ways. */
final class RawFraming {
    private RawFraming() {
    }

    static void write(DataOutputStream out, JsonObject frame) throws IOException {
        byte[] bytes = frame.toString().getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static JsonObject read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 1 || n > (1 << 20)) {
            throw new IOException("bad frame length " + n);
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** A value event as Kervi sends it; {@code val} carries the sender's {@link System#nanoTime()}. */
    static JsonObject valueEvent(long stampNanos) {
        JsonObject o = new JsonObject();
        o.addProperty("t", "value");
        o.addProperty("id", "bench.stamp");
        o.addProperty("val", (double) stampNanos);
        o.addProperty("ts", System.currentTimeMillis());
        return o;
    }

    /** A call of the peer's echo as Kervi sends one: {@code cid}, one argument the reply returns. */
    static JsonObject echoCall(long cid, long argument) {
        JsonObject call = new JsonObject();
        call.addProperty("t", "call");
        call.addProperty("cid", cid);
        call.addProperty("id", "bench_echo.echo");
        JsonArray a = new JsonArray();
        a.add(argument);
        call.add("args", a);
        call.addProperty("timeout", 5000);
        return call;
    }
}
