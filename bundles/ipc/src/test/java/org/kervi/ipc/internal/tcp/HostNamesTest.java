package org.kervi.ipc.internal.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HostNamesTest {

    @Test
    void theHostOfARemoteAddressIsItsAddressWithoutThePort() {
        assertEquals("10.0.0.7", HostNames.ofRemoteAddress("/10.0.0.7:53422"));
        assertEquals("shed-pi", HostNames.ofRemoteAddress("shed-pi/10.0.0.7:53422"));
        assertEquals("fe80::1", HostNames.ofRemoteAddress("/[fe80::1]:53422"));
    }

    @Test
    void theHubsOwnInstanceRunsOnThisMachine() {
        assertEquals(HostNames.thisMachine(), HostNames.ofRemoteAddress("in-JVM"));
        assertEquals("", HostNames.ofRemoteAddress("?"));
    }
}
