package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

class SetupServletTest {
    @Test
    void onlyALoopbackPeerNamingALoopbackHostWithoutAProxyIsThisMachine() {
        assertTrue(SetupServlet.fromThisMachine(request("127.0.0.1", "127.0.0.1:8181", null)));
        assertTrue(SetupServlet.fromThisMachine(request("127.0.0.1", "localhost:8181", null)), "an ssh -L tunnel");
        assertTrue(SetupServlet.fromThisMachine(request("0:0:0:0:0:0:0:1", "[::1]:8181", null)));
        assertFalse(SetupServlet.fromThisMachine(request("192.168.1.20", "192.168.1.5:8181", null)));
        assertFalse(SetupServlet.fromThisMachine(request("127.0.0.1", "evil.example:8181", null)), "DNS rebinding");
        assertFalse(SetupServlet.fromThisMachine(request("127.0.0.1", "localhost.evil.example", null)));
        assertFalse(SetupServlet.fromThisMachine(request("127.0.0.1", null, null)), "no Host header");
        assertFalse(SetupServlet.fromThisMachine(request("127.0.0.1", "127.0.0.1:8181", "203.0.113.7")),
                "through a reverse proxy");
    }

    private static HttpServletRequest request(String remote, String host, String forwardedFor) {
        Map<String, String> headers = new HashMap<>();
        if (host != null) {
            headers.put("Host", host);
        }
        if (forwardedFor != null) {
            headers.put("X-Forwarded-For", forwardedFor);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(SetupServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
