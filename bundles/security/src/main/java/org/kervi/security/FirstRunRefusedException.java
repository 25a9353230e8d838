package org.kervi.security;

/** The first-run setup was refused; the message says why (an administrator exists, the token is not valid). */
public class FirstRunRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public FirstRunRefusedException(String message) {
        super(message);
    }
}
