package org.kervi.itests.producer;

import org.kervi.api.components.KerviComponent;

/**
 * A test component that produces values on a thread of its own from its start to its exit. Test-only, as its
 * subclasses; {@link ProducerBundle} packs it with them.
 */
public abstract class BackgroundProducer extends KerviComponent {
    private volatile Thread thread;

    protected BackgroundProducer(String id, String name) {
        super(id, name);
    }

    /** Runs until the thread is interrupted (at the component's exit). */
    protected abstract void produce();

    @Override
    protected void onStart() {
        Thread t = new Thread(this::produce, id() + "-producer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    protected void onExit() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
