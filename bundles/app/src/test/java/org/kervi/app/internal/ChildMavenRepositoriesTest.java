package org.kervi.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ChildMavenRepositoriesTest {

    @Test
    void theRootsKarsComeAfterItsSystemFolderAndTheLastKeyWins() throws Exception {
        String root = "org.ops4j.pax.url.mvn.localRepository = /nowhere\n"
                + ChildMavenRepositories.KEY + " = file:/old@id=old";
        String child = ChildMavenRepositories.config(root, Path.of("/opt/kervi/data"));
        Properties read = new Properties();
        read.load(new StringReader(child));
        assertEquals("/nowhere", read.getProperty("org.ops4j.pax.url.mvn.localRepository"), "the rest is kept");
        String repositories = read.getProperty(ChildMavenRepositories.KEY);
        assertTrue(repositories.startsWith("${karaf.home.uri}${karaf.default.repository}@id=system.repository"),
                repositories);
        assertTrue(repositories.contains(", " + Path.of("/opt/kervi/data/kar").toUri()
                + "@id=application.kar.repository@multi@snapshots, "), repositories);
        assertTrue(repositories.endsWith("${karaf.base.uri}${karaf.default.repository}@id=child.system.repository"
                + "@snapshots"), repositories);
    }

    @Test
    void withoutARootFileOnlyTheRepositories() throws Exception {
        Properties read = new Properties();
        read.load(new StringReader(ChildMavenRepositories.config("", Path.of("/d"))));
        assertEquals(1, read.size());
    }
}
