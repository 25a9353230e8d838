package org.kervi.ipc.internal.tcp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * One protocol envelope (see docs/ipc-protocol.md). Immutable once built; the encoded bytes are cached so that
 * the hub encodes a value event once however many subscribers it goes to.
 */
public final class Frame {
    // frame types
    public static final String HELLO = "hello";
    public static final String CHALLENGE = "challenge";
    public static final String AUTH = "auth";
    public static final String WELCOME = "welcome";
    public static final String ERROR = "error";
    public static final String REGISTER = "register";
    public static final String UNREGISTER = "unregister";
    public static final String SUBSCRIBE = "subscribe";
    public static final String ADD = "add";
    public static final String REMOVE = "remove";
    public static final String VALUE = "value";
    public static final String CALL = "call";
    public static final String REPLY = "reply";
    public static final String WRITE = "write";
    public static final String WRITE_REPLY = "wreply";
    public static final String HEARTBEAT = "hb";
    /** Since version 2: hub → owner, some instance subscribed to these ids by name (or no longer does). */
    public static final String DEMAND = "demand";
    public static final String UNDEMAND = "undemand";
    /** Caller → hub → owner: a call that is one named run ({@code run}) of the action, so it can be interrupted. */
    public static final String START = "start";
    /** Caller → hub → owner: interrupt the run {@code run} of action {@code id}, or all its runs; replied with a count. */
    public static final String INTERRUPT = "interrupt";

    /**
     * What this side speaks: version 4 (version 3's mutual authentication with per-instance keys, plus batches of
     * value events). The hub serves version 3 clients too, without batches; all instances come from one distribution.
     */
    public static final int PROTOCOL_VERSION = 4;
    public static final int OLDEST_VERSION = 3;
    /** Since version 4 a payload may be a batch of value events; the hub's {@code welcome} names its version. */
    public static final int BATCH_VERSION = 4;

    final String type;
    String id;
    Object value;
    long ts;
    long cid;
    int version;
    String app;
    String instance;
    String owner;
    String nonce;
    String mac;
    String proof;
    String code;
    String message;
    String errorType;
    long timeout;
    String run;
    List<String> ids;
    JsonArray args;
    JsonElement result;
    JsonArray values;
    JsonArray actions;
    private volatile byte[] encoded;

    Frame(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    byte[] encoded() {
        byte[] bytes = encoded;
        if (bytes == null) {
            bytes = FrameCodec.encode(this);
            encoded = bytes;
        }
        return bytes;
    }

    /** Keeps the payload a frame was decoded from, so that forwarding it costs no encoding. */
    void received(byte[] payload) {
        encoded = payload;
    }

    boolean isError() {
        return code != null && !code.isEmpty();
    }

    // ---- factories ---------------------------------------------------------------------------------

    static Frame hello(String app, String instance, String clientNonce) {
        Frame f = new Frame(HELLO);
        f.version = PROTOCOL_VERSION;
        f.app = app;
        f.instance = instance;
        f.nonce = clientNonce;
        return f;
    }

    static Frame challenge(String hubNonce, String proof) {
        Frame f = new Frame(CHALLENGE);
        f.nonce = hubNonce;
        f.proof = proof;
        return f;
    }

    static Frame auth(String mac) {
        Frame f = new Frame(AUTH);
        f.mac = mac;
        return f;
    }

    static Frame welcome(String hub) {
        Frame f = new Frame(WELCOME);
        f.instance = hub;
        f.version = PROTOCOL_VERSION;
        return f;
    }

    static Frame error(String code, String message) {
        return error(code, null, null, message);
    }

    static Frame error(String code, String id, String owner, String message) {
        Frame f = new Frame(ERROR);
        f.code = code;
        f.id = id;
        f.owner = owner;
        f.message = message;
        return f;
    }

    static Frame register(JsonArray values, JsonArray actions) {
        Frame f = new Frame(REGISTER);
        f.values = values;
        f.actions = actions;
        return f;
    }

    static Frame added(String owner, JsonArray values, JsonArray actions) {
        Frame f = new Frame(ADD);
        f.owner = owner;
        f.values = values;
        f.actions = actions;
        return f;
    }

    static Frame ids(String type, String owner, List<String> ids) {
        Frame f = new Frame(type);
        f.owner = owner;
        f.ids = List.copyOf(ids);
        return f;
    }

    static Frame value(String id, Object value, long ts) {
        Frame f = new Frame(VALUE);
        f.id = id;
        f.value = value;
        f.ts = ts;
        return f;
    }

    static Frame call(long cid, String id, JsonArray args, long timeout, String from) {
        Frame f = new Frame(CALL);
        f.cid = cid;
        f.id = id;
        f.args = args;
        f.timeout = timeout;
        f.instance = from;
        return f;
    }

    static Frame start(long cid, String id, JsonArray args, long timeout, String from, String run) {
        Frame f = call(cid, id, args, timeout, from);
        Frame s = copy(START, f);
        s.run = run;
        return s;
    }

    static Frame interrupt(long cid, String id, String run, long timeout, String from) {
        Frame f = new Frame(INTERRUPT);
        f.cid = cid;
        f.id = id;
        f.run = run;
        f.timeout = timeout;
        f.instance = from;
        return f;
    }

    /** True for the frames routed to an action's owner and answered with a {@link #REPLY}. */
    boolean isActionRequest() {
        return CALL.equals(type) || START.equals(type) || INTERRUPT.equals(type);
    }

    static Frame reply(long cid, JsonElement result) {
        Frame f = new Frame(REPLY);
        f.cid = cid;
        f.result = result;
        return f;
    }

    /** A failed call ({@code REPLY}) or write ({@code WRITE_REPLY}). */
    static Frame failure(String type, long cid, String code, String message, String errorType) {
        Frame f = new Frame(type);
        f.cid = cid;
        f.code = code;
        f.message = message;
        f.errorType = errorType;
        return f;
    }

    static Frame write(long cid, String id, Object value, String from) {
        Frame f = new Frame(WRITE);
        f.cid = cid;
        f.id = id;
        f.value = value;
        f.instance = from;
        return f;
    }

    static Frame writeOk(long cid) {
        Frame f = new Frame(WRITE_REPLY);
        f.cid = cid;
        return f;
    }

    /** The same frame with another correlation id (the hub's routing of calls, writes and replies). */
    Frame withCid(long newCid) {
        Frame f = copy(type, this);
        f.cid = newCid;
        return f;
    }

    /** A frame of {@code newType} with every field of {@code from} (not its cached bytes). */
    static Frame copy(String newType, Frame from) {
        Frame f = new Frame(newType);
        f.id = from.id;
        f.value = from.value;
        f.ts = from.ts;
        f.cid = from.cid;
        f.version = from.version;
        f.app = from.app;
        f.instance = from.instance;
        f.owner = from.owner;
        f.nonce = from.nonce;
        f.mac = from.mac;
        f.proof = from.proof;
        f.code = from.code;
        f.message = from.message;
        f.errorType = from.errorType;
        f.timeout = from.timeout;
        f.run = from.run;
        f.ids = from.ids;
        f.args = from.args;
        f.result = from.result;
        f.values = from.values;
        f.actions = from.actions;
        return f;
    }

    /** A required string field, or a {@link ProtocolException} naming it. */
    static String require(String field, String name, Frame f) throws ProtocolException {
        if (field == null || field.isEmpty()) {
            throw new ProtocolException("'" + f.type + "' frame without '" + name + "'");
        }
        return field;
    }

    static JsonObject object(JsonElement e) throws ProtocolException {
        if (e == null || !e.isJsonObject()) {
            throw new ProtocolException("expected a JSON object, got " + e);
        }
        return e.getAsJsonObject();
    }

    @Override
    public String toString() {
        return type + (id == null ? "" : " " + id) + (cid == 0 ? "" : " #" + cid);
    }
}
