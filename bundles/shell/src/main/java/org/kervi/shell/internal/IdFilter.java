package org.kervi.shell.internal;

/**
 * What {@code kervi:values} and {@code kervi:actions} list: ids starting with a prefix (all when none), and with
 * {@code --local} only this instance's.
 */
record IdFilter(String prefix, boolean localOnly) {

    boolean accepts(String id, boolean local) {
        return (prefix == null || id.startsWith(prefix)) && (!localOnly || local);
    }
}
