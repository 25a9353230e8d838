package org.kervi.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import org.junit.Test;

public class ReadyLineTest {
    @Test
    public void findsTheLineOnStdoutAndInTheLog() {
        String stdout = "karaf: something\nKervi application 'Fan demo' ready in 17.4 s: dashboard "
                + "http://127.0.0.1:8181/kervi/\nmore\n";
        ReadyLine ready = ReadyLine.in(stdout).orElseThrow();
        assertEquals("Fan demo", ready.application());
        assertEquals(17.4, ready.seconds(), 1e-9);
        assertEquals("http://127.0.0.1:8181/kervi/", ready.dashboard());
        assertEquals("Kervi application 'Fan demo' ready in 17.4 s: dashboard http://127.0.0.1:8181/kervi/",
                ready.line());

        String log = "2026-12-04T17:21:57,494 | INFO  | sup | ApplicationSupervisor | 42 - org.kervi.app - 0.1.0 | "
                + "Kervi application 'it's' ready in 9 s: dashboard http://pi:8181/kervi/";
        assertEquals("it's", ReadyLine.in(log).orElseThrow().application());
        assertEquals(9, ReadyLine.in(log).orElseThrow().seconds(), 1e-9);
    }

    @Test
    public void anApplicationWithoutDashboardHasNoAddress() {
        ReadyLine ready = ReadyLine.in("Kervi application 'headless' ready in 12.0 s\n").orElseThrow();
        assertEquals(12.0, ready.seconds(), 1e-9);
        assertEquals("", ready.dashboard());
    }

    @Test
    public void otherLinesAreNotReadyLines() {
        assertFalse(ReadyLine.in("app_main returned null\nKervi application 'x' starting\n").isPresent());
    }
}
