package org.kervi.ipc.internal.tcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.kervi.ipc.api.Transport;

/**
 * The contract again, with the in-JVM link of the hub's own instance: instance {@code a} (the owner or caller in
 * most tests) and the wrong-secret intruder reach the hub in-JVM, every other instance over TCP — so frames cross
 * both kinds of connection in both directions.
 */
class InJvmTransportContractTest extends TcpTransportContractTest {

    @Override
    protected Transport newTransport(String instanceId, String secret) {
        if (!instanceId.equals("a") && !instanceId.equals("intruder")) {
            return super.newTransport(instanceId, secret);
        }
        ClientSettings settings = clientSettings(instanceId, secret);
        return new TcpClientTransport(settings, new HubDialer() {
            @Override
            public Connection dial(Connection.Handler handler) throws IOException, ProtocolException {
                TcpHub current = hub;
                if (current == null) {
                    throw new IOException("no hub running");
                }
                return current.connectLocal(settings, handler);
            }

            @Override
            public String address() {
                return "in-JVM";
            }
        });
    }
}
