package org.kervi.messaging.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A component property type instance for tests: the given properties, the annotation's defaults for the rest. */
final class Configs {
    private Configs() {}

    static <A> A of(Class<A> type, Map<String, Object> properties) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (properties.containsKey(method.getName())) {
                return properties.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            throw new UnsupportedOperationException(method.getName());
        }));
    }
}
