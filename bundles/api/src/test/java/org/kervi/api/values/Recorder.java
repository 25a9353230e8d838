package org.kervi.api.values;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a value fires. */
final class Recorder<T> implements ValueListener<T> {
    final List<ValueChange<? extends T>> changes = new CopyOnWriteArrayList<>();

    static <T> Recorder<T> on(Value<T> value) {
        Recorder<T> r = new Recorder<>();
        value.addListener(r);
        return r;
    }

    @Override
    public void valueChanged(ValueChange<? extends T> change) {
        changes.add(change);
    }

    List<Object> fired() {
        return changes.stream().map(c -> (Object) c.current()).toList();
    }
}
