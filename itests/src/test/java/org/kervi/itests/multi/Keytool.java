package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The JDK's keytool, for the servers of TLS tests: a self-signed key for localhost and 127.0.0.1. */
final class Keytool {
    private Keytool() {}

    /** A PKCS12 key store with one EC key, alias {@code server}, valid for localhost and 127.0.0.1 for two days. */
    static void serverKeyStore(Path keystore, String password) throws Exception {
        run("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-storetype", "PKCS12", "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
    }

    /** The certificate of the store's {@code server} key as a PEM file, for a client's trust setting. */
    static void exportPem(Path keystore, String password, Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(store.getCertificate("server").getEncoded()) + "\n-----END CERTIFICATE-----\n");
    }

    static void run(String... arguments) throws Exception {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue("keytool still running", p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("keytool: " + out, 0, p.exitValue());
    }
}
