package org.kervi.ipc.internal.tcp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The machine an instance runs on, as {@code kervi:instances} shows it. */
public final class HostNames {
    private static final String LOCAL = thisMachine();

    private HostNames() {
    }

    /** This machine's name (the address when it has no name that resolves). */
    public static String thisMachine() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }

    /** The host of a wire's remote address ({@code /10.0.0.7:53422} gives {@code 10.0.0.7}); in-JVM is here. */
    static String ofRemoteAddress(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank() || remoteAddress.equals("?")) {
            return "";
        }
        if (remoteAddress.equals("in-JVM")) {
            return LOCAL;
        }
        String address = remoteAddress.startsWith("/") ? remoteAddress.substring(1) : remoteAddress;
        int slash = address.indexOf('/');
        if (slash > 0) {
            address = address.substring(0, slash);
        }
        int colon = address.lastIndexOf(':');
        String host = colon > 0 ? address.substring(0, colon) : address;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static String local() {
        return LOCAL;
    }
}
