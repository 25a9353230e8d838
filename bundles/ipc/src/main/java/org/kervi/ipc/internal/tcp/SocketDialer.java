package org.kervi.ipc.internal.tcp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.kervi.ipc.api.TransportProblem;

/** Reaches the hub over TCP: connect, hello, answer the challenge, wait for the welcome. */
final class SocketDialer implements HubDialer {
    private final ClientSettings settings;

    SocketDialer(ClientSettings settings) {
        this.settings = settings;
    }

    @Override
    public Connection dial(Connection.Handler handler) throws IOException, ProtocolException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(settings.host(), settings.port()),
                    (int) Math.max(500, settings.heartbeatTimeoutMillis()));
            socket.setSoTimeout((int) Math.max(500, settings.heartbeatTimeoutMillis()));
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            SocketWire.writeDirect(out, Frame.hello(settings.applicationId(), settings.instanceId()));
            Frame challenge = expect(SocketWire.read(in, settings.maxFrameBytes()), Frame.CHALLENGE);
            SocketWire.writeDirect(out, Frame.auth(Hmac.response(settings.secret(),
                    Frame.require(challenge.nonce, "nonce", challenge), settings.instanceId())));
            expect(SocketWire.read(in, settings.maxFrameBytes()), Frame.WELCOME);
            socket.setSoTimeout(0);
            Connection c = new Connection(new SocketWire(socket, in, out, settings.maxFrameBytes()),
                    settings.instanceId() + "->hub", settings.outboundQueueSize());
            c.start(handler);
            return c;
        } catch (IOException | ProtocolException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static Frame expect(Frame f, String type) throws ProtocolException {
        if (Frame.ERROR.equals(f.type)) {
            throw new ProtocolException(f.code == null ? TransportProblem.PROTOCOL : f.code, f.message);
        }
        if (!type.equals(f.type)) {
            throw new ProtocolException("expected '" + type + "' from the hub, got '" + f.type + "'");
        }
        return f;
    }

    @Override
    public String address() {
        return settings.host() + ":" + settings.port();
    }
}
