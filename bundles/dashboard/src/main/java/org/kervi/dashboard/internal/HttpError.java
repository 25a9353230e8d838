package org.kervi.dashboard.internal;

/** A request refused with an HTTP status and a message for the user. */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String kind;
    private final String type;

    HttpError(int status, String message) {
        this(status, message, null, null);
    }

    HttpError(int status, String message, String kind, String type) {
        super(message, null, false, false);
        this.status = status;
        this.kind = kind;
        this.type = type;
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
}
