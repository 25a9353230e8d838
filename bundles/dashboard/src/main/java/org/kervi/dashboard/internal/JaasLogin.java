package org.kervi.dashboard.internal;

import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/** Logs users in through a Karaf JAAS realm. */
final class JaasLogin {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String realm;
    private final String viewRole;
    private final String writeRole;

    JaasLogin(String realm, String viewRole, String writeRole) {
        this.realm = realm;
        this.viewRole = viewRole;
        this.writeRole = writeRole;
    }

    /** The session for a user whose password is right, else an {@link HttpError} (401, or 403 without the role). */
    UserSession login(String user, char[] password) {
        Subject subject = new Subject();
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password));
            context.login();
        } catch (LoginException e) {
            throw new HttpError(401, "wrong user name or password");
        }
        Set<String> roles = names(subject, RolePrincipal.class);
        Set<String> groups = names(subject, GroupPrincipal.class);
        if (!viewRole.isEmpty() && !roles.contains(viewRole)) {
            throw new HttpError(403, "user '" + user + "' lacks the role '" + viewRole + "' needed for the dashboard");
        }
        boolean canWrite = writeRole.isEmpty() || roles.contains(writeRole);
        return new UserSession(user, roles, groups, newToken(), canWrite);
    }

    private static void answer(Callback[] callbacks, String user, char[] password)
            throws UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof NameCallback name) {
                name.setName(user);
            } else if (c instanceof PasswordCallback pw) {
                pw.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(c);
            }
        }
    }

    private static Set<String> names(Subject subject, Class<? extends Principal> type) {
        Set<String> names = new TreeSet<>();
        subject.getPrincipals(type).forEach(p -> names.add(p.getName()));
        return names;
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
