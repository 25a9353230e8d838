package org.kervi.testing;

import org.kervi.api.runtime.ApplicationCode;

/** Runs one application callback; a failure fails the test with the callback's name and the cause. */
final class AppCallbacks {
    private AppCallbacks() {}

    interface Callback {
        void call() throws Exception;
    }

    static void run(String what, ApplicationCode code, Callback callback) {
        try {
            callback.call();
        } catch (Exception e) {
            throw new IllegalStateException(what + " of " + code.getClass().getName() + " failed: " + e, e);
        }
    }
}
