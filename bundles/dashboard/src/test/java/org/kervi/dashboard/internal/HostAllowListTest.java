package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostAllowListTest {

    @Test
    void loopbackOwnAddressesAndConfiguredNamesPass() throws Exception {
        HostAllowList hosts = new HostAllowList(List.of("kervi.example.org"));
        for (String ok : new String[] {"localhost:8181", "127.0.0.1:8181", "127.0.0.2", "[::1]:8181", "LOCALHOST",
                "kervi.example.org:8443", "Kervi.Example.Org", null}) {
            assertTrue(hosts.allows(ok), ok);
        }
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address) {
                    assertTrue(hosts.allows(a.getHostAddress() + ":8181"), a.getHostAddress());
                }
            }
        }
    }

    @Test
    void otherNamesAreRefused() {
        HostAllowList hosts = new HostAllowList(List.of("kervi.example.org"));
        for (String bad : new String[] {"evil.example", "evil.example:8181", "kervi.example.org.evil.example",
                "localhost.evil.example", "127.0.0.1.evil.example", "", "8.8.8.8"}) {
            assertFalse(hosts.allows(bad), bad);
        }
        assertTrue(new HostAllowList(List.of("*")).allows("evil.example"));
    }
}
