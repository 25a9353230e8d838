package org.kervi.ipc.api;

/**
 * A refusal or error reported by the far side of a transport. {@code id} and {@code owner} are set when the
 * problem concerns one id (for {@link #DUPLICATE_ID}: the id and the instance that owns it), else empty.
 */
public record TransportProblem(String code, String id, String owner, String message) {
    /** A claimed id is owned by another instance; the claim was refused. */
    public static final String DUPLICATE_ID = "DUPLICATE_ID";
    /** Wrong shared secret. */
    public static final String AUTH_FAILED = "AUTH_FAILED";
    /** Protocol versions differ. */
    public static final String VERSION = "VERSION";
    /** Another connection uses this instance id. */
    public static final String DUPLICATE_INSTANCE = "DUPLICATE_INSTANCE";
    /** A frame was malformed, oversize, unexpected or sent before authentication. */
    public static final String PROTOCOL = "PROTOCOL";
    /** An id this instance does not own was published or unregistered. */
    public static final String NOT_OWNER = "NOT_OWNER";
    /**
     * A claimed id is reserved for the instance that owned it before it disconnected ({@code owner}); the message
     * says for how long. The claim waits and is granted when the reservation ends unclaimed.
     */
    public static final String RESERVED = "RESERVED";
    /** A limit of the hub was reached (ids per instance, entries per frame); the message names the limit. */
    public static final String QUOTA = "QUOTA";

    public TransportProblem {
        id = id == null ? "" : id;
        owner = owner == null ? "" : owner;
        message = message == null ? "" : message;
    }

    @Override
    public String toString() {
        return code + (id.isEmpty() ? "" : " '" + id + "'") + ": " + message;
    }
}
