package org.kervi.itests.multi;

import org.kervi.testkit.KarafProcess;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

/** The harness itself: a failed start says why, and close() leaves nothing behind. */
public class KarafProcessIT {

    @Test
    public void aStartThatFailsReportsTheLogsAndCloseCleansUp() {
        Path home;
        try (KarafProcess broken = new KarafProcess("broken").withJavaOpts("-Xmx1k")) {
            home = broken.home();
            assertTrue(Files.isExecutable(home.resolve("bin/karaf")));
            try {
                broken.start();
                fail("a JVM with a 1k heap cannot boot Karaf");
            } catch (IllegalStateException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("exited with status"));
                assertTrue(e.getMessage(), e.getMessage().contains("tail of console.log"));
                assertTrue(e.getMessage(), e.getMessage().contains("heap"));
            }
            assertFalse(broken.isAlive());
        }
        assertFalse("instance folder deleted", Files.exists(home) && !Boolean.getBoolean(KarafProcess.KEEP_PROPERTY));
    }
}
