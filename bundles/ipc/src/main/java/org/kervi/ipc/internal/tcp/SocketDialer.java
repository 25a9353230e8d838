package org.kervi.ipc.internal.tcp;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import org.kervi.ipc.api.TransportProblem;

/** Reaches the hub over TCP: connect, hello, check the hub's proof and answer its challenge, wait for the welcome. */
final class SocketDialer implements HubDialer {
    private final ClientSettings settings;

    SocketDialer(ClientSettings settings) {
        this.settings = settings;
    }

    @Override
    public Connection dial(Connection.Handler handler) throws IOException, ProtocolException {
        SocketChannel channel = SocketChannel.open();
        try {
            Socket socket = channel.socket();
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(settings.host(), settings.port()),
                    (int) Math.max(500, settings.heartbeatTimeoutMillis()));
            socket.setSoTimeout((int) Math.max(500, settings.heartbeatTimeoutMillis()));
            // unbuffered: nothing after the welcome may be read here, the connection reads on from the channel
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            ClientHandshake handshake = new ClientHandshake(settings, address());
            SocketWire.writeDirect(out, handshake.hello());
            Frame challenge = expect(SocketWire.read(in, HubSettings.MAX_HANDSHAKE_FRAME_BYTES), Frame.CHALLENGE);
            SocketWire.writeDirect(out, handshake.answer(challenge));
            expect(SocketWire.read(in, HubSettings.MAX_HANDSHAKE_FRAME_BYTES), Frame.WELCOME);
            socket.setSoTimeout(0);
            Connection c = new Connection(new SocketWire(channel, settings.maxFrameBytes()),
                    settings.instanceId() + "->hub", settings.outboundQueueSize());
            c.start(handler);
            return c;
        } catch (IOException | ProtocolException | RuntimeException e) {
            channel.close();
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
