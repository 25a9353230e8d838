package org.kervi.ipc.internal.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the links between machines (see docs/ipc-protocol.md, "TLS"): the hub presents the certificate of its key
 * store, a client trusts the certificates of its trust store. {@code store} names the file in messages;
 * {@code verifyHostname} (client only) also checks that the certificate names the host dialled.
 */
public record TlsSettings(SSLContext context, String store, boolean verifyHostname) {
    static final String[] PROTOCOLS = {"TLSv1.3"};

    /** The hub's side: the key and certificate of a PKCS12 key store. */
    public static TlsSettings server(Path keyStore, char[] password) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, password, "tlsKeyStore"), password);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keys.getKeyManagers(), null, null);
            return new TlsSettings(context, keyStore.toString(), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("tlsKeyStore " + keyStore + " holds no usable key: " + e.getMessage(),
                    e);
        }
    }

    /** A client's side: the hub certificates (or their issuers) of a PKCS12 trust store or a PEM file. */
    public static TlsSettings client(Path trustStore, char[] password, boolean verifyHostname) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore, password, "tlsTrustStore"));
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, trust.getTrustManagers(), null);
            return new TlsSettings(context, trustStore.toString(), verifyHostname);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("tlsTrustStore " + trustStore + " is not usable: " + e.getMessage(),
                    e);
        }
    }

    /**
     * The certificate of the key store's key, PEM-encoded: public, what clients trust (a PEM file works as
     * {@code tlsTrustStore}).
     */
    public static String certificatePem(Path keyStore, char[] password) {
        KeyStore store = load(keyStore, password, "tlsKeyStore");
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return "-----BEGIN CERTIFICATE-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                    .encodeToString(store.getCertificate(alias).getEncoded())
                            + "\n-----END CERTIFICATE-----\n";
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("tlsKeyStore " + keyStore + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("tlsKeyStore " + keyStore + " holds no key");
    }

    private static KeyStore load(Path file, char[] password, String setting) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(setting + " " + file + " does not exist or is not readable");
        }
        if (isPem(file)) {
            return pemCertificates(file, setting);
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (store.size() == 0) {
                throw new IllegalArgumentException(setting + " " + file + " is empty");
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(setting + " " + file + " cannot be read as PKCS12 (wrong password?): "
                    + e.getMessage(), e);
        }
    }

    private static boolean isPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(11), StandardCharsets.US_ASCII).equals("-----BEGIN ");
        } catch (IOException e) {
            return false;
        }
    }

    /** A trust store of the certificates in a PEM file (what keytool -exportcert -rfc writes). */
    private static KeyStore pemCertificates(Path file, String setting) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("certificate-" + n++, certificate);
            }
            if (n == 0) {
                throw new IllegalArgumentException(setting + " " + file + " holds no certificate");
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(setting + " " + file + " cannot be read as PEM certificates: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TLS (" + store + ")";
    }
}
