package org.kervi.api;

/** Undoes a registration (a listener, a remote value, ...). Closing twice is harmless. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();
}
