package org.kervi.testkit;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Editing etc/*.cfg files (unit test, no Karaf). */
public class CfgFileTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void replacesKeysInPlaceKeepsTheRestAndAppendsNewOnes() throws Exception {
        Path cfg = tmp.getRoot().toPath().resolve("etc/org.apache.karaf.shell.cfg");
        Files.createDirectories(cfg.getParent());
        Files.write(cfg, List.of("# comment", "#sshPort = 1", "sshPort = 8101", "sshHost=0.0.0.0", "other = x"));
        CfgFile.put(cfg, Map.of("sshPort", "9000", "sshHost", "127.0.0.1", "newKey", "a\\b"));
        assertEquals(List.of("# comment", "#sshPort = 1", "sshPort = 9000", "sshHost = 127.0.0.1", "other = x",
                "newKey = a\\\\b"), Files.readAllLines(cfg));
    }

    @Test
    public void createsAMissingFile() throws Exception {
        Path cfg = tmp.getRoot().toPath().resolve("etc/org.kervi.ipc.cfg");
        CfgFile.put(cfg, Map.of("role", "client", "port", "9612"));
        assertEquals(List.of("port = 9612", "role = client"), Files.readAllLines(cfg));
    }
}
