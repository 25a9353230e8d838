package org.kervi.api.status;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The application's modules, as the application supervisor in the root instance runs them (a service of the
 * {@code kervi-app} bundle). Methods throw IllegalArgumentException for an unknown or invalid module name.
 */
@ProviderType
public interface ApplicationModules {
    List<ModuleStatus> modules();

    /** What the application keeps of a module's persisted values (id → last value seen while it served). */
    Map<String, Object> persistedValues(String name);

    void start(String name) throws Exception;

    void stop(String name) throws Exception;

    void restart(String name) throws Exception;
}
