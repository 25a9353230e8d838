package org.kervi.ipc.mqtt.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A broker certificate for 127.0.0.1 made with the JDK's keytool, exported as PEM for Mosquitto with openssl, and
 * a PKCS12 trust store holding it for the clients.
 */
record TestCertificates(Path keyStore, Path certificatePem, Path keyPem, Path trustStore) {
    static final String PASSWORD = "changeit";

    static TestCertificates make(Path dir) throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path ks = dir.resolve("broker.p12");
        Path cert = dir.resolve("broker.crt");
        Path key = dir.resolve("broker.key");
        Path trust = dir.resolve("trust.p12");
        run(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity",
                "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        run(keytool, "-exportcert", "-rfc", "-alias", "broker", "-keystore", ks.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        run("openssl", "pkcs12", "-in", ks.toString(), "-nocerts", "-nodes", "-passin", "pass:" + PASSWORD, "-out",
                key.toString());
        run(keytool, "-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(), "-storetype",
                "PKCS12", "-keystore", trust.toString(), "-storepass", PASSWORD);
        return new TestCertificates(ks, cert, key, trust);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
