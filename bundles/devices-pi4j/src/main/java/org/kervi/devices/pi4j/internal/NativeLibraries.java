package org.kervi.devices.pi4j.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads Pi4J's native libraries up front, so that a missing or foreign library is one clear sentence instead of an
 * {@link ExceptionInInitializerError} in a driver and a {@link NoClassDefFoundError} ever after. Pi4J loads them from
 * {@code lib/<arch>/} inside this bundle when the class named here is initialised; that happens once per class loader,
 * so the outcome is kept.
 */
final class NativeLibraries {
    static final String GPIOD = "com.pi4j.library.gpiod.internal.GpioD";
    static final String LINUXFS = "com.pi4j.library.linuxfs.internal.LinuxFs";

    private static final Map<String, Optional<String>> OUTCOMES = new ConcurrentHashMap<>();

    private NativeLibraries() {}

    /** Empty when the native library behind {@code className} is loaded, else what went wrong. */
    static Optional<String> problem(String className) {
        return OUTCOMES.computeIfAbsent(className, NativeLibraries::load);
    }

    private static Optional<String> load(String className) {
        try {
            Class.forName(className, true, NativeLibraries.class.getClassLoader());
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return Optional.of("its native library did not load on os.arch " + System.getProperty("os.arch")
                    +  " (Pi4J ships it for aarch64 and armhf only): " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
