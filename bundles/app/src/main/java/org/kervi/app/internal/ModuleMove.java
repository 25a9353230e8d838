package org.kervi.app.internal;

/**
 * A shared module on its way into a child instance of its own, make-before-break: {@code child} boots its runtime
 * while the module runs on in the root; {@code next} takes the module over once the child is linked.
 */
record ModuleMove(ModuleProcess next, ChildHome child, long startedAtMillis) {

    /** Whether the configuration asks for a move that can be made ahead: a running shared module, to process. */
    static boolean aheadPossible(ModuleProcess current, ModuleSpec wanted) {
        return current.spec.isolation() == Isolation.SHARED && wanted.isolation() == Isolation.PROCESS
                && current.home != null && current.home.alive()
                && current.spec.equals(new ModuleSpec(wanted.name(), wanted.features(), wanted.javaOpts(),
                        wanted.ssh(), wanted.sshPort(), Isolation.SHARED));
    }
}
