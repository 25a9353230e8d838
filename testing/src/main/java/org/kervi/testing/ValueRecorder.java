package org.kervi.testing;

import java.util.ArrayList;
import java.util.List;
import org.kervi.api.Registration;
import org.kervi.api.values.Value;

/** Every value one id fired since recording began, in order: what a test asserts "fired" or "did not fire" on. */
public final class ValueRecorder implements AutoCloseable {
    private final String id;
    private final List<Object> fired = new ArrayList<>();
    private final Registration subscription;

    ValueRecorder(Value<?> value) {
        this.id = value.id();
        this.subscription = value.addListener(change -> {
            synchronized (fired) {
                fired.add(change.current());
            }
        });
    }

    public String id() {
        return id;
    }

    public List<Object> values() {
        synchronized (fired) {
            return List.copyOf(fired);
        }
    }

    public int count() {
        synchronized (fired) {
            return fired.size();
        }
    }

    /** The last value fired; fails when none was. */
    public Object last() {
        synchronized (fired) {
            if (fired.isEmpty()) {
                throw new IllegalStateException("'" + id + "' fired nothing since recording began");
            }
            return fired.get(fired.size() - 1);
        }
    }

    public void clear() {
        synchronized (fired) {
            fired.clear();
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
