package org.kervi.api.runtime;

/** No value, action or component with that id is known. */
public class UnknownIdException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String id;

    public UnknownIdException(String what, String id) {
        super("unknown " + what + " id '" + id + "'");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
