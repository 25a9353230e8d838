package org.kervi.app.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModuleMoveTest {
    private static final ModuleSpec SHARED = new ModuleSpec("sensors", List.of("f"), "-Xmx64m", false, 0,
            Isolation.SHARED);
    private static final ModuleSpec PROCESS = new ModuleSpec("sensors", List.of("f"), "-Xmx64m", false, 0,
            Isolation.PROCESS);

    @Test
    void aRunningSharedModuleSwitchedToProcessMovesAhead() {
        assertTrue(ModuleMove.aheadPossible(running(SHARED, true), PROCESS));
    }

    @Test
    void anythingElseMovesTheOrdinaryWay() {
        assertFalse(ModuleMove.aheadPossible(running(SHARED, false), PROCESS), "not running in the root");
        assertFalse(ModuleMove.aheadPossible(running(PROCESS, true), SHARED), "process to shared");
        assertFalse(ModuleMove.aheadPossible(running(SHARED, true), new ModuleSpec("sensors", List.of("f", "g"),
                "-Xmx64m", false, 0, Isolation.PROCESS)), "other features too");
        assertFalse(ModuleMove.aheadPossible(new ModuleProcess("sensors", SHARED, null), PROCESS), "never started");
    }

    private static ModuleProcess running(ModuleSpec spec, boolean alive) {
        ModuleProcess p = new ModuleProcess(spec.name(), spec, null);
        p.home = new ModuleHome() {
            public String where() {
                return "here";
            }

            public int pid() {
                return 1;
            }

            public boolean alive() {
                return alive;
            }

            public Optional<String> failure() {
                return Optional.empty();
            }

            public int sshPort() {
                return 0;
            }

            public void stop(int graceSeconds) {
            }

            public void kill(int waitSeconds) {
            }

            public Optional<Path> log() {
                return Optional.empty();
            }
        };
        return p;
    }
}
