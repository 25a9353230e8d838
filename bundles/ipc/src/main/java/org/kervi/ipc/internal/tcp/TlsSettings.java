package org.kervi.ipc.internal.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
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

    /** A client's side: the hub certificates (or their issuers) of a PKCS12 trust store. */
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

    private static KeyStore load(Path file, char[] password, String setting) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(setting + " " + file + " does not exist or is not readable");
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

    @Override
    public String toString() {
        return "TLS (" + store + ")";
    }
}
