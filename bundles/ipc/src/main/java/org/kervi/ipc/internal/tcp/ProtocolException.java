package org.kervi.ipc.internal.tcp;

/** Input that breaks the protocol: malformed, oversize, unexpected or unauthenticated. Closes the connection. */
public class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    public ProtocolException(String message) {
        this(org.kervi.ipc.api.TransportProblem.PROTOCOL, message);
    }

    public ProtocolException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
