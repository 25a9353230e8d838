package org.kervi.app.internal;

import java.util.List;
import java.util.Map;

/** The application's modules, for the shell. Methods throw IllegalArgumentException for an unknown name. */
public interface Modules {
    List<ModuleStatus> modules();

    /** What the application keeps of a module's persisted values (id → last value seen while it served). */
    Map<String, Object> persistedValues(String name);

    void start(String name) throws Exception;

    void stop(String name) throws Exception;

    void restart(String name) throws Exception;
}
