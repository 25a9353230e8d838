package org.kervi.security.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The work factor of {@code etc/org.apache.karaf.jaas.cfg}, so that Kervi's hashes match the ones Karaf makes. */
final class JaasSettings {
    static final String FILE = "org.apache.karaf.jaas.cfg";
    private static final Logger LOG = LoggerFactory.getLogger(JaasSettings.class);

    private JaasSettings() {
    }

    static Pbkdf2Encryption encryption(Path file) {
        Properties properties = new Properties();
        if (Files.isReadable(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                properties.load(reader);
            } catch (IOException e) {
                LOG.warn("cannot read {}: PBKDF2 with its default work factor", file, e);
            }
        }
        if (!"kervi".equals(properties.getProperty("encryption.name", "").trim())
                || !"true".equals(properties.getProperty("encryption.enabled", "").trim())) {
            LOG.error("{} does not enable the 'kervi' encryption (encryption.enabled = true, encryption.name ="
                    + " kervi): logins will not accept the PBKDF2 hashes Kervi writes", file);
        }
        String iterations = properties.getProperty("encryption.iterations", "").trim();
        try {
            return new Pbkdf2Encryption(iterations.isEmpty() ? Pbkdf2Encryption.DEFAULT_ITERATIONS
                    : Integer.parseInt(iterations));
        } catch (IllegalArgumentException e) {
            LOG.error("{}: encryption.iterations = '{}' is not a whole number of at least 10000; using {}", file,
                    iterations, Pbkdf2Encryption.DEFAULT_ITERATIONS);
            return new Pbkdf2Encryption(Pbkdf2Encryption.DEFAULT_ITERATIONS);
        }
    }
}
