package org.kervi.security.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.kervi.security.Credentials;
import org.kervi.security.RunMode;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain activator rather than DS: this bundle starts at start level 20, before SCR, the SSH server, JMX and the
 * dashboard (30 and above), so the users file is checked before any door opens.
 */
public final class SecurityActivator implements BundleActivator {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityActivator.class);
    /** Written by the root into each module instance: module instances print no first-run token. */
    private static final String MODULE_MARKER = "org.kervi.module.cfg";

    private ServiceRegistration<EncryptionService> encryptionRegistration;
    private ServiceRegistration<Credentials> credentialsRegistration;

    @Override
    public void start(BundleContext context) throws Exception {
        String configured = System.getProperty(RunMode.PROPERTY);
        if (!RunMode.isKnown(configured)) {
            LOG.error("-D{}={} is neither production nor development: running in production mode", RunMode.PROPERTY,
                    configured);
        }
        RunMode mode = RunMode.current();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", Pbkdf2EncryptionService.NAME);
        encryptionRegistration = context.registerService(EncryptionService.class, new Pbkdf2EncryptionService(),
                properties);

        Path etc = Paths.get(System.getProperty("karaf.etc", "etc"));
        Path usersFile = etc.resolve("users.properties");
        Pbkdf2Encryption encryption = JaasSettings.encryption(etc.resolve(JaasSettings.FILE));
        new UsersGuard(usersFile, encryption).apply(mode);

        boolean module = Files.exists(etc.resolve(MODULE_MARKER));
        SetupToken token = mode == RunMode.PRODUCTION && !module ? SetupToken.create(Clock.systemUTC()) : null;
        CredentialsService credentials = new CredentialsService(usersFile, encryption, mode, token);
        if (token != null && !credentials.adminExists()) {
            FirstRunNotice.print(token);
        } else if (mode == RunMode.PRODUCTION && module && !credentials.adminExists()) {
            LOG.info("No administrator in this module instance's {}: set one on the root; a module instance gets the"
                    + " root's users when it is (re)created", usersFile);
        }
        credentialsRegistration = context.registerService(Credentials.class, credentials, null);
        LOG.info("Kervi security: {} mode, users in {}", mode.propertyValue(), usersFile);
    }

    @Override
    public void stop(BundleContext context) {
        if (credentialsRegistration != null) {
            credentialsRegistration.unregister();
        }
        if (encryptionRegistration != null) {
            encryptionRegistration.unregister();
        }
    }
}
