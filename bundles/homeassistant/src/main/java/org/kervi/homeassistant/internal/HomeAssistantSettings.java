package org.kervi.homeassistant.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The checked configuration; {@link #of} names every bad key in one {@link IllegalArgumentException}. */
record HomeAssistantSettings(String brokerUrl, String username, String password, String trustedCertificates,
        String discoveryPrefix, String nodeId, String statePrefix, Globs expose, Globs commandIds,
        Duration removalGrace, String clientId) {

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern TOPIC_LEVELS = Pattern.compile("[^#+\\u0000]+");

    static HomeAssistantSettings of(HomeAssistantConfig c, String instanceId) {
        List<String> problems = new ArrayList<>();
        String url = c.brokerUrl().trim();
        try {
            String scheme = URI.create(url).getScheme();
            if (scheme == null || !List.of("tcp", "ssl").contains(scheme.toLowerCase(Locale.ROOT))
                    || URI.create(url).getHost() == null) {
                problems.add("brokerUrl '" + url + "' must be tcp://host:port or ssl://host:port");
            }
        } catch (IllegalArgumentException e) {
            problems.add("brokerUrl '" + url + "' is not a URL: " + e.getMessage());
        }
        String nodeId = c.nodeId().trim();
        if (!NODE_ID.matcher(nodeId).matches()) {
            problems.add("nodeId '" + nodeId + "' may hold only letters, digits, _ and -");
        }
        String discoveryPrefix = topicPrefix("discoveryPrefix", c.discoveryPrefix(), problems);
        String statePrefix = topicPrefix("statePrefix", c.statePrefix(), problems);
        if (c.removalGraceSeconds() < 0) {
            problems.add("removalGraceSeconds must be 0 or more, got " + c.removalGraceSeconds());
        }
        if (!c.password().isEmpty() && c.username().isBlank()) {
            problems.add("password given without a username");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String clientId = c.clientId().isBlank() ? "kervi-ha-" + nodeId + "-" + instanceId : c.clientId().trim();
        return new HomeAssistantSettings(url, c.username().trim(), c.password(), c.trustedCertificates().trim(),
                discoveryPrefix, nodeId, statePrefix, Globs.of(c.expose()), Globs.of(c.commandIds()),
                Duration.ofSeconds(c.removalGraceSeconds()), clientId);
    }

    private static String topicPrefix(String key, String raw, List<String> problems) {
        String prefix = raw.trim();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (prefix.isEmpty() || !TOPIC_LEVELS.matcher(prefix).matches()) {
            problems.add(key + " '" + raw + "' must be a topic without wildcards (+, #)");
        }
        return prefix;
    }

    boolean isTls() {
        return brokerUrl.toLowerCase(Locale.ROOT).startsWith("ssl:");
    }
}
