package org.kervi.security.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kervi.security.PrivateFiles;
import org.kervi.security.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once at start, before SSH, JMX and the dashboard listen: makes {@code users.properties} private and, in
 * production, disables every user whose password is plain text or a well-known default; in development it adds
 * {@code karaf}/{@code karaf} when there is no administrator.
 */
final class UsersGuard {
    static final String DEVELOPMENT_USER = "karaf";
    private static final Logger LOG = LoggerFactory.getLogger(UsersGuard.class);

    private final Path usersFile;
    private final Pbkdf2Encryption encryption;

    UsersGuard(Path usersFile, Pbkdf2Encryption encryption) {
        this.usersFile = usersFile;
        this.encryption = encryption;
    }

    void apply(RunMode mode) throws IOException {
        if (PrivateFiles.tighten(usersFile)) {
            LOG.warn("{} was readable by other users; it is owner-only (0600) now", usersFile);
        }
        boolean existed = Files.exists(usersFile);
        UsersFile users = UsersFile.read(usersFile);
        boolean changed = mode == RunMode.PRODUCTION ? refuseDefaults(users) : addDevelopmentUser(users);
        if (changed || !existed) {
            PrivateFiles.write(usersFile, users.text());
        }
    }

    private boolean refuseDefaults(UsersFile users) {
        boolean changed = false;
        for (UsersFile.User user : users.users()) {
            String reason = null;
            if (!Hashes.isMarked(user.password())) {
                reason = "plain-text password";
            } else if (Hashes.isOurs(user.password()) && isDefault(user)) {
                reason = "default password";
            } else if (!Hashes.isOurs(user.password())) {
                LOG.warn("{}: the password of user '{}' is not a Kervi PBKDF2 hash and cannot sign in; set it with"
                        + " kervi:passwd {}", usersFile, user.name(), user.name());
            }
            if (reason != null) {
                users.disable(user.name(), reason + " refused in production mode");
                LOG.error("{}: user '{}' had a {}: refused in production mode and disabled. Set a password with"
                        + " 'kervi:passwd {}' at the local console or on the dashboard's first-run page /kervi/setup,"
                        + " or start in development mode (-D{}=development) for karaf/karaf",
                        usersFile, user.name(), reason, user.name(), RunMode.PROPERTY);
                changed = true;
            }
        }
        return changed;
    }

    /** Karaf's default and the user's own name: the defaults a hash can hold (kervi:passwd refuses the others). */
    private boolean isDefault(UsersFile.User user) {
        return encryption.checkPassword(DEVELOPMENT_USER, user.password())
                || encryption.checkPassword(user.name(), user.password());
    }

    private boolean addDevelopmentUser(UsersFile users) {
        if (users.hasAdmin(password -> !password.isBlank())) {
            return false;
        }
        // the lowest work factor: this password is public, and tests log in for every shell command
        users.put(DEVELOPMENT_USER, Hashes.mark(new Pbkdf2Encryption(Pbkdf2Encryption.MIN_ITERATIONS)
                .encryptPassword(DEVELOPMENT_USER)));
        LOG.warn("Development mode: added the administrator karaf/karaf to {}", usersFile);
        return true;
    }
}
