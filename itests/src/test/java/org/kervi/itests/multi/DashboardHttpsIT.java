package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.kervi.itests.multi.DashboardClient.Reply;
import org.kervi.testkit.KarafProcess;

/**
 * The dashboard over HTTPS only, as docs/operators.md tells an operator to set it up: a key made with the JDK's
 * keytool, pax-web's secure connector, plain HTTP off. The session cookie is {@code Secure}; the server listens on
 * loopback, the distribution's default listening address.
 */
public class DashboardHttpsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "test-keystore-pw";
    private static KarafProcess karaf;
    private static int httpsPort;
    private static int httpPort;
    private static SSLContext tls;

    @BeforeClass
    public static void startKaraf() throws Exception {
        httpsPort = Ports.free();
        httpPort = Ports.free();
        karaf = new KarafProcess("dashboard-https");
        Path keystore = karaf.home().resolve("etc/server.p12");
        Keytool.serverKeyStore(keystore, PASSWORD);
        tls = trusting(keystore);
        karaf.withConfig("org.ops4j.pax.web", Map.of(
                "org.osgi.service.http.enabled", "false",
                "org.osgi.service.http.port", Integer.toString(httpPort),
                "org.osgi.service.http.secure.enabled", "true",
                "org.osgi.service.http.port.secure", Integer.toString(httpsPort),
                "org.ops4j.pax.web.ssl.keystore", keystore.toString(),
                "org.ops4j.pax.web.ssl.keystore.type", "PKCS12",
                "org.ops4j.pax.web.ssl.keystore.password", PASSWORD,
                "org.ops4j.pax.web.ssl.key.password", PASSWORD,
                "org.ops4j.pax.web.ssl.key.alias", "server"))
                .withFile("etc/users.properties", DashboardApiIT.usersWithViewer())
                .start();
        karaf.execute("feature:install kervi-dashboard kervi-example-sensors-simulated", Duration.ofSeconds(120));
        DashboardClient probe = new DashboardClient(base(), tls);
        Poll.until("the dashboard answering a login over HTTPS", TIMEOUT,
                () -> probe.login("karaf", "karaf").status() == 200 ? Boolean.TRUE : null);
    }

    @AfterClass
    public static void stopKaraf() {
        KarafProcess.closeAll(karaf);
    }

    private static String base() {
        return "https://127.0.0.1:" + httpsPort + "/kervi/";
    }

    /** Trusts exactly the certificate in the server's keystore. */
    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            server.load(in, PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("server", server.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    @Test
    public void aLoginOverHttpsGetsASecureCookieAndTheModel() {
        DashboardClient c = new DashboardClient(base(), tls);
        Reply login = c.login("karaf", "karaf");
        assertEquals(login.toString(), 200, login.status());
        List<String> cookies = login.headers().allValues("set-cookie");
        assertEquals(cookies.toString(), 1, cookies.size());
        String cookie = cookies.get(0);
        assertTrue(cookie, cookie.contains("; Secure"));
        assertTrue(cookie, cookie.contains("SameSite=Strict") && cookie.contains("HttpOnly")
                && cookie.contains("Path=/kervi"));
        Reply model = c.get("api/model");
        assertEquals(model.toString(), 200, model.status());
        assertTrue(model.json().getAsJsonObject("values").has("cpu_load"));
        assertEquals(200, c.put("api/values/cpu_load.setpoint", "{\"value\":42}").status());
    }

    @Test
    public void plainHttpIsOffAndTheServerListensOnLoopbackOnly() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", httpPort), 2000);
            throw new AssertionError("plain HTTP answers on " + httpPort);
        } catch (ConnectException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().toLowerCase(Locale.ROOT).contains("refused"));
        }
        List<String> listening = listeningAddresses(httpsPort);
        assertEquals("sockets listening on " + httpsPort, List.of("127.0.0.1"), listening);
    }

    /** The local addresses of sockets in LISTEN state on {@code port}, from the kernel's table (IPv4 and IPv6). */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> found = new java.util.ArrayList<>();
        String portHex = String.format("%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(":" + portHex) && f[3].equals("0A")) {
                    found.add(address(f[1].substring(0, f[1].indexOf(':'))));
                }
            }
        }
        assertFalse("nothing listens on " + port, found.isEmpty());
        return found;
    }

    /** The kernel's hex (32-bit words in host order, little-endian here); IPv4-mapped IPv6 as plain IPv4. */
    private static String address(String hex) {
        if (hex.length() == 32 && hex.startsWith("0000000000000000FFFF0000")) {
            return address(hex.substring(24));
        }
        if (hex.length() != 8) {
            return hex.equals("00000000000000000000000000000000") ? "::" : hex;
        }
        StringBuilder a = new StringBuilder();
        for (int i = 6; i >= 0; i -= 2) {
            a.append(Integer.parseInt(hex.substring(i, i + 2), 16)).append(i > 0 ? "." : "");
        }
        return a.toString();
    }
}
