package org.kervi.app.internal;

import java.util.List;

/** The application's modules, for the shell. Methods throw IllegalArgumentException for an unknown name. */
public interface Modules {
    List<ModuleStatus> modules();

    void start(String name) throws Exception;

    void stop(String name) throws Exception;

    void restart(String name) throws Exception;
}
