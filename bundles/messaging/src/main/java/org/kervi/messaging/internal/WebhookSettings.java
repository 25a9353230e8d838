package org.kervi.messaging.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** {@link WebhookChannelConfig} checked: every problem named at once, with the pid and the field. */
record WebhookSettings(CommonSettings common, URI url, String secretHeader, String secret, SSLContext trust,
        Duration timeout) {

    static final String FACTORY_PID = "org.kervi.messaging.webhook";

    static WebhookSettings of(String pid, WebhookChannelConfig c) {
        Problems problems = new Problems();
        CommonSettings common = CommonSettings.of(c.id(), c.minLevel(), c.sources(), c.maxMessages(),
                c.perSeconds(), problems);
        URI url = url(c.url(), problems);
        String secret = Secrets.read(c.secret(), "secretFile", c.secretFile(), "secret", problems);
        String header = c.secretHeader().trim();
        if (!secret.isEmpty() && !header.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            problems.add("secretHeader", "'" + header + "' is not an HTTP header name");
        }
        if (!secret.isEmpty() && url != null && "http".equals(url.getScheme()) && !isLoopback(url.getHost())) {
            problems.add("secret", "would cross the network in clear over http://" + url.getHost()
                    + ": use https (http is accepted only to this machine)");
        }
        SSLContext trust = TrustedCertificates.context(c.trustedCertificates(), problems);
        CommonSettings.checkTimeout(c.timeoutSeconds(), problems);
        problems.throwIfAny(pid);
        return new WebhookSettings(common, url, header, secret, trust, Duration.ofSeconds(c.timeoutSeconds()));
    }

    /** The url without its path and query, which often hold a token. */
    String target() {
        String path = url.getRawPath() == null || url.getRawPath().length() <= 1 ? "/" : "/…";
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + path;
    }

    private static URI url(String text, Problems problems) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            problems.add("url", "missing: give the https:// address to post to");
            return null;
        }
        try {
            URI url = new URI(trimmed);
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                problems.add("url", "'" + trimmed + "' is not an http:// or https:// url");
                return null;
            }
            if (url.getHost() == null) {
                problems.add("url", "'" + trimmed + "' names no host");
                return null;
            }
            return url;
        } catch (URISyntaxException e) {
            problems.add("url", "'" + trimmed + "' is not a url: " + e.getReason());
            return null;
        }
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
