package org.kervi.ipc.mqtt.internal;

import java.nio.file.Files;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.kervi.ipc.api.RestartablePort;
import org.kervi.testkit.Mosquitto;

/** The same contract over TLS (a certificate naming 127.0.0.1, hostname checked) and the password file. */
class MqttTlsTransportContractTest extends MqttTransportContractTest {
    static SSLSocketFactory factory;

    @BeforeAll
    static void makeBroker() throws Exception {
        folder = Files.createTempDirectory("kervi-mqtt-tls-contract");
        TestCertificates certs = TestCertificates.make(folder);
        broker = Mosquitto.in(folder).port(RestartablePort.find()).user(USER, SECRET)
                .tls(certs.certificatePem(), certs.keyPem()).build();
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(MqttSettings.load(certs.trustStore(), TestCertificates.PASSWORD));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        factory = context.getSocketFactory();
    }

    @Override
    MqttSettings settings(String url, String instanceId, String secret) {
        return super.settings(url, instanceId, secret).withTls(factory, true);
    }
}
