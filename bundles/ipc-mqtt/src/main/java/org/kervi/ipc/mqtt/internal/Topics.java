package org.kervi.ipc.mqtt.internal;

/**
 * The topic tree of one application: {@code <prefix>/<app>/...} (docs/ipc-protocol.md, "MQTT transport"). Ids
 * never contain {@code /}, {@code +} or {@code #} (see {@link org.kervi.api.Ids}), so each is one topic level.
 */
final class Topics {
    static final String PRESENCE = "presence";
    static final String VALUE_ENTRY = "dir/value";
    static final String ACTION_ENTRY = "dir/action";
    static final String VALUE = "value";
    static final String CALL = "call";
    static final String INTERRUPT = "interrupt";
    static final String WRITE = "write";
    static final String REPLY = "reply";
    static final String SYNC = "sync";
    static final String STATE = "state";
    static final String STREAM = "stream";
    static final String DEMAND = "demand";

    private final String root;

    Topics(String prefix, String applicationId) {
        this.root = prefix + "/" + applicationId + "/";
    }

    String root() {
        return root;
    }

    String presence(String instance) {
        return root + PRESENCE + "/" + instance;
    }

    String valueEntry(String id) {
        return root + VALUE_ENTRY + "/" + id;
    }

    String actionEntry(String id) {
        return root + ACTION_ENTRY + "/" + id;
    }

    String value(String id) {
        return root + VALUE + "/" + id;
    }

    /** A request of {@code kind} ({@link #CALL}, {@link #INTERRUPT}, {@link #WRITE}) to the owner of {@code id}. */
    String request(String kind, String owner, String id) {
        return root + kind + "/" + owner + "/" + id;
    }

    String reply(String instance) {
        return root + REPLY + "/" + instance;
    }

    String stream(String instance) {
        return root + STREAM + "/" + instance;
    }

    String state(String instance) {
        return root + STATE + "/" + instance;
    }

    String demand(String instance) {
        return root + DEMAND + "/" + instance;
    }

    String sync(String instance) {
        return root + SYNC + "/" + instance;
    }

    /** {@code <root>kind/...} → the levels after the root, or null for a topic outside this application. */
    String[] levels(String topic) {
        if (!topic.startsWith(root)) {
            return null;
        }
        int count = 1;
        for (int slash = topic.indexOf('/', root.length()); slash >= 0; slash = topic.indexOf('/', slash + 1)) {
            count++;
        }
        String[] levels = new String[count];
        int start = root.length();
        for (int i = 0; i < count - 1; i++) {
            int slash = topic.indexOf('/', start);
            levels[i] = topic.substring(start, slash);
            start = slash + 1;
        }
        levels[count - 1] = topic.substring(start);
        return levels;
    }
}
