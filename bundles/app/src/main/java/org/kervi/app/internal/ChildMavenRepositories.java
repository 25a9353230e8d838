package org.kervi.app.internal;

import java.nio.file.Path;

/**
 * The Maven repositories a module instance resolves its bundles from: Karaf's defaults (the root's {@code system/},
 * its own KARs and {@code system/}) plus the KARs installed in the root — a module deployed as a KAR into the
 * application root ({@code deploy/}, {@code kar:install}) has its bundles there, in {@code <root data>/kar}.
 * Written as the child's {@code etc/org.ops4j.pax.url.mvn.cfg}: the root's file with this key appended (a later
 * key wins).
 */
final class ChildMavenRepositories {
    static final String PID_FILE = "etc/org.ops4j.pax.url.mvn.cfg";
    static final String KEY = "org.ops4j.pax.url.mvn.defaultRepositories";

    private ChildMavenRepositories() {}

    static String config(String rootFile, Path rootData) {
        String rootKars = rootData.resolve("kar").toAbsolutePath().toUri().toString();
        return (rootFile.isEmpty() || rootFile.endsWith("\n") ? rootFile : rootFile + "\n")
                + "\n# the application root's KARs (kervi-app)\n"
                + KEY + " = \\\n"
                + "    ${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots, \\\n"
                + "    " + rootKars + "@id=application.kar.repository@multi@snapshots, \\\n"
                + "    ${karaf.data.uri}kar@id=kar.repository@multi@snapshots, \\\n"
                + "    ${karaf.base.uri}${karaf.default.repository}@id=child.system.repository@snapshots\n";
    }
}
