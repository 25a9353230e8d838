package org.kervi.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Optional;

import org.junit.Test;

/** How the harness reads Karaf's error lines (unit test, no Karaf). */
public class CommandResultTest {

    @Test
    public void errorExecutingCommandIsTheErrorWithoutThePrefix() {
        CommandResult r = new CommandResult("kervi:value-set x hot",
                "Error executing command: x: expected a number, got 'hot' (String)\n", 1);
        assertEquals(Optional.of("x: expected a number, got 'hot' (String)"), r.error());
        try {
            r.orThrow();
            fail();
        } catch (KarafCommandException e) {
            assertEquals("x: expected a number, got 'hot' (String)", e.getMessage());
            assertEquals("kervi:value-set x hot", e.command());
        }
    }

    @Test
    public void commandNotFoundKeepsItsWords() {
        CommandResult r = new CommandResult("nope", "Command not found: nope\n", 1);
        assertEquals(Optional.of("Command not found: nope"), r.error());
    }

    @Test
    public void errorLineAfterOutputIsFound() {
        CommandResult r = new CommandResult("x", "some output\nError executing command: boom\n", 0);
        assertEquals(Optional.of("boom"), r.error());
    }

    @Test
    public void nonZeroExitWithoutErrorLineFails() {
        assertEquals(Optional.of("exit status 2"), new CommandResult("x", "", 2).error());
    }

    @Test
    public void normalOutputPasses() {
        CommandResult r = new CommandResult("x", "a table mentioning an Error in a cell\n", 0);
        assertFalse(r.failed());
        assertEquals("a table mentioning an Error in a cell\n", r.orThrow());
        assertTrue(new CommandResult("x", "", -1).error().isEmpty());
    }
}
