package org.kervi.homeassistant.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS context for {@code ssl://} brokers: trusting a PEM file's certificates, or the JVM's authorities. */
final class TrustedCertificates {
    private TrustedCertificates() {}

    /** @return null for a plain tcp:// broker */
    static SSLContext forBroker(HomeAssistantSettings s) {
        if (!s.isTls()) {
            return null;
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, s.trustedCertificates().isEmpty() ? null : trustOnly(Path.of(s.trustedCertificates())),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("trustedCertificates " + s.trustedCertificates() + ": " + e.getMessage(), e);
        }
    }

    private static javax.net.ssl.TrustManager[] trustOnly(Path pem) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("trustedCertificates " + pem + " holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                store.load(null, null);
            } catch (IOException impossible) {
                throw new IllegalStateException(impossible);
            }
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("broker-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust.getTrustManagers();
        } catch (IOException e) {
            throw new IllegalArgumentException("trustedCertificates " + pem + " cannot be read: " + e, e);
        }
    }
}
