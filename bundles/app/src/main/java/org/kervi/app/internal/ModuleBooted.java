package org.kervi.app.internal;

/**
 * Offered once a module instance's boot features are in: Karaf's {@code BootFinished} where the features service
 * runs; in a prepared instance (see {@link PreparationBoot}), which boots from its cache without the features
 * service, once the framework has started.
 */
public interface ModuleBooted {}
