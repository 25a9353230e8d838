package org.kervi.homeassistant.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A {@link HomeAssistantConfig} for tests: its defaults, with {@code key = value} lines over them. */
final class Settings {
    private Settings() {}

    static HomeAssistantConfig config(String... lines) {
        Map<String, String> given = new HashMap<>();
        for (String line : lines) {
            String[] kv = line.split("=", 2);
            given.put(kv[0].trim(), kv[1].trim());
        }
        return (HomeAssistantConfig) Proxy.newProxyInstance(Settings.class.getClassLoader(),
                new Class<?>[] {HomeAssistantConfig.class}, (proxy, method, args) -> value(method, given));
    }

    static HomeAssistantSettings of(String... lines) {
        return HomeAssistantSettings.of(config(lines), "root");
    }

    private static Object value(Method method, Map<String, String> given) {
        if (method.getName().equals("annotationType")) {
            return (Class<? extends Annotation>) HomeAssistantConfig.class;
        }
        String text = given.get(method.getName());
        if (text == null) {
            return method.getDefaultValue();
        }
        Class<?> type = method.getReturnType();
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == String[].class) {
            return new String[] {text};
        }
        return text;
    }
}
