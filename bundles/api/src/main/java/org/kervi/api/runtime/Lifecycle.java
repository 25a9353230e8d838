package org.kervi.api.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The application's readiness in this instance. Components start (sensors poll, controllers get
 * {@code inputChanged}) once it is ready. A standalone instance is ready when the core starts; in an application
 * the app bundle marks it ready when every module has reported.
 */
@ProviderType
public interface Lifecycle {
    boolean isReady();

    /** Starts every registered component, and every later one as it comes. */
    void markReady();
}
