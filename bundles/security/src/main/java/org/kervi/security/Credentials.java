package org.kervi.security;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The users of Karaf's {@code karaf} JAAS realm ({@code etc/users.properties}), which opens the SSH shell, JMX and
 * the dashboard. Passwords are stored hashed (PBKDF2); the file is readable by its owner only.
 */
@ProviderType
public interface Credentials {

    /** The names of the users in the realm (disabled lines excluded). */
    List<String> userNames();

    /** True when a user with the {@code admin} role has a usable (hashed) password. */
    boolean adminExists();

    /**
     * Sets a user's password; a new user joins the administrators' group ({@code admin}, {@code viewer}, SSH, ...).
     *
     * @throws IllegalArgumentException with the reason when the name or password is not acceptable (too short, a
     *         default password in production)
     */
    void setPassword(String user, char[] password);

    /**
     * First-run onboarding: sets the first administrator's password, once. A request from loopback needs no token;
     * any other needs the one-time token printed at start.
     *
     * @param token the token the operator typed, or null
     * @throws FirstRunRefusedException when an administrator exists already, or the token is missing, wrong,
     *         used or expired
     * @throws IllegalArgumentException when the name or password is not acceptable
     */
    void firstRun(String user, char[] password, String token, boolean fromLoopback) throws FirstRunRefusedException;
}
