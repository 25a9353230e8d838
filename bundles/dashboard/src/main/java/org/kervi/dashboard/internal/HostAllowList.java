package org.kervi.dashboard.internal;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a request's {@code Host} header may carry: loopback, this machine's own addresses (so a phone on the LAN
 * can open the dashboard by address) and the configured names. A page of another site whose name was re-pointed at
 * this machine (DNS rebinding) carries its own name and is refused.
 */
final class HostAllowList {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final long ADDRESSES_REFRESH_MILLIS = 10_000;

    private final Set<String> configured;
    private final boolean anyHost;
    private volatile Set<String> ownAddresses = Set.of();
    private volatile long ownAddressesAtMillis;

    HostAllowList(List<String> configured) {
        this.anyHost = configured.contains("*");
        this.configured = Set.copyOf(configured);
    }

    boolean allowsAnyHost() {
        return anyHost;
    }

    /** Whether a request with this {@code Host} header is served; no header (HTTP/1.0, no browser) is. */
    boolean allows(String hostHeader) {
        if (anyHost || hostHeader == null) {
            return true;
        }
        String name = withoutPort(hostHeader.trim().toLowerCase(Locale.ROOT));
        if (LOOPBACK.contains(name) || name.startsWith("127.") && name.matches("127(\\.\\d{1,3}){3}")
                || configured.contains(name)) {
            return true;
        }
        if (ownAddresses().contains(name)) {
            return true;
        }
        // an address added since (DHCP, a second interface): look again, at most every few seconds
        return System.currentTimeMillis() - ownAddressesAtMillis > ADDRESSES_REFRESH_MILLIS
                && refreshOwnAddresses().contains(name);
    }

    static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private Set<String> ownAddresses() {
        return ownAddressesAtMillis == 0 ? refreshOwnAddresses() : ownAddresses;
    }

    private Set<String> refreshOwnAddresses() {
        Set<String> found = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    String text = a.getHostAddress();
                    int zone = text.indexOf('%');
                    text = zone < 0 ? text : text.substring(0, zone);
                    found.add(text.contains(":") ? "[" + text.toLowerCase(Locale.ROOT) + "]" : text);
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: loopback and the configured names still work
        }
        ownAddresses = Set.copyOf(found);
        ownAddressesAtMillis = System.currentTimeMillis();
        return ownAddresses;
    }
}
