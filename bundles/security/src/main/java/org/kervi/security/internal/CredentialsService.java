package org.kervi.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.kervi.security.Credentials;
import org.kervi.security.FirstRunRefusedException;
import org.kervi.security.PrivateFiles;
import org.kervi.security.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Credentials} on {@code etc/users.properties}, written 0600 through {@link PrivateFiles}. */
final class CredentialsService implements Credentials {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsService.class);

    private final Path usersFile;
    private final Pbkdf2Encryption encryption;
    private final RunMode mode;
    private final SetupToken token;

    /** @param token the first-run token, or null when this instance offers no first-run page */
    CredentialsService(Path usersFile, Pbkdf2Encryption encryption, RunMode mode, SetupToken token) {
        this.usersFile = usersFile;
        this.encryption = encryption;
        this.mode = mode;
        this.token = token;
    }

    @Override
    public synchronized List<String> userNames() {
        try {
            return UsersFile.read(usersFile).users().stream().map(UsersFile.User::name).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + usersFile, e);
        }
    }

    @Override
    public synchronized boolean adminExists() {
        try {
            return UsersFile.read(usersFile).hasAdmin(usable());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + usersFile, e);
        }
    }

    private Predicate<String> usable() {
        return mode == RunMode.PRODUCTION ? Hashes::isOurs : password -> !password.isBlank();
    }

    @Override
    public synchronized void setPassword(String user, char[] password) {
        UsersFile.requireValidName(user);
        PasswordPolicy.requireAcceptable(user, password);
        try {
            UsersFile users = UsersFile.read(usersFile);
            users.put(user, Hashes.mark(encryption.encryptPassword(new String(password))));
            PrivateFiles.write(usersFile, users.text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + usersFile, e);
        }
        LOG.info("Password of user '{}' set in {}", user, usersFile);
        if (token != null && adminExists()) {
            token.use();
        }
    }

    @Override
    public synchronized void firstRun(String user, char[] password, String offeredToken, boolean fromLoopback)
            throws FirstRunRefusedException {
        if (adminExists()) {
            throw new FirstRunRefusedException("an administrator exists already: sign in, and change passwords with"
                    + " kervi:passwd at the console");
        }
        UsersFile.requireValidName(user);
        PasswordPolicy.requireAcceptable(user, password);
        if (!fromLoopback) {
            if (token == null) {
                throw new FirstRunRefusedException("this instance has no first-run token: use kervi:passwd at its"
                        + " console");
            }
            token.check(offeredToken);
        }
        setPassword(user, password);
        LOG.warn("First run: administrator '{}' set on the dashboard's first-run page ({})", user,
                fromLoopback ? "from loopback" : "with the one-time token");
    }
}
