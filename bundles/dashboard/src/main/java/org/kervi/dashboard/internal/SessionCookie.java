package org.kervi.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * The session a login gets: always under a new id (an id planted before the login never becomes a logged-in
 * session), with its cookie limited to the dashboard's path, {@code HttpOnly}, {@code SameSite=Strict}, and
 * {@code Secure} when the request came over HTTPS. The container's cookie settings are shared by every web
 * application in Karaf, so the dashboard writes its own {@code Set-Cookie} in place of the container's.
 */
final class SessionCookie {
    private static final String DEFAULT_NAME = "JSESSIONID";

    private SessionCookie() {}

    static HttpSession freshSession(HttpServletRequest req, HttpServletResponse resp, String path) {
        HttpSession old = req.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = req.getSession(true);
        req.changeSessionId();
        String name = cookieName(req);
        // the container's value may carry a node suffix (Jetty: node0….node0): keep its value, change the rest
        String value = session.getId();
        List<String> others = new ArrayList<>();
        for (String header : resp.getHeaders("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                int end = header.indexOf(';');
                value = header.substring(name.length() + 1, end < 0 ? header.length() : end);
            } else {
                others.add(header);
            }
        }
        resp.setHeader("Set-Cookie", null);
        others.forEach(h -> resp.addHeader("Set-Cookie", h));
        resp.addHeader("Set-Cookie", header(name, value, path, req.isSecure()));
        return session;
    }

    static String header(String name, String id, String path, boolean secure) {
        return name + "=" + id + "; Path=" + path + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private static String cookieName(HttpServletRequest req) {
        String name = req.getServletContext().getSessionCookieConfig().getName();
        return name == null || name.isBlank() ? DEFAULT_NAME : name.trim();
    }
}
