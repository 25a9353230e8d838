package org.kervi.dashboard.internal;

/** A request refused with an HTTP status and a message for the user. */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String kind;
    private final String type;
    private final long retryAfterSeconds;

    HttpError(int status, String message) {
        this(status, message, null, null);
    }

    HttpError(int status, String message, String kind, String type) {
        this(status, message, kind, type, 0);
    }

    private HttpError(int status, String message, String kind, String type, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.kind = kind;
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A refusal that tells the client when to come back ({@code Retry-After}). */
    static HttpError retryLater(int status, String message, long retryAfterSeconds) {
        return new HttpError(status, message, null, null, Math.max(1, retryAfterSeconds));
    }

    int status() {
        return status;
    }

    String kind() {
        return kind;
    }

    String type() {
        return type;
    }

    /** Seconds for a {@code Retry-After} header; 0: none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
