package org.kervi.messaging.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS trust from a PEM file of certificates (a private CA, a self-signed server); empty: the JVM's own trust. */
final class TrustedCertificates {
    private TrustedCertificates() {}

    /** @return the context trusting exactly the file's certificates, or null for the JVM default (empty path) */
    static SSLContext context(String pemFile, Problems problems) {
        if (pemFile == null || pemFile.isBlank()) {
            return null;
        }
        Path path = Path.of(pemFile.trim());
        try (InputStream in = Files.newInputStream(path)) {
            Collection<? extends Certificate> certificates = java.security.cert.CertificateFactory
                    .getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                problems.add("trustedCertificates", path + " holds no PEM certificate");
                return null;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (java.io.IOException e) {
            problems.add("trustedCertificates", path + " cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (java.security.GeneralSecurityException e) {
            problems.add("trustedCertificates", path + " is not a PEM certificate file: " + e.getMessage());
        }
        return null;
    }
}
