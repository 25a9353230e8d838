package org.kervi.core.internal;

/** Knows which thread runs a call, so a timeout can interrupt it. */
final class CallWatch {
    private Thread runner;
    private boolean timedOut;

    synchronized void begin(Thread thread) {
        runner = thread;
    }

    synchronized void end() {
        runner = null;
    }

    /** Interrupts the running call, if any. */
    synchronized void timeout() {
        timedOut = true;
        if (runner != null) {
            runner.interrupt();
        }
    }

    synchronized boolean timedOut() {
        return timedOut;
    }
}
