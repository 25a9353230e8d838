package org.kervi.ipc.internal.tcp;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.kervi.ipc.api.TransportProblem;

/**
 * Reaches the hub over TCP (inside TLS when the settings ask for it): connect, hello, check the hub's proof and
 * answer its challenge, wait for the welcome.
 */
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
            Wire wire = settings.tls() == null ? plain(channel) : overTls(socket);
            Connection c = new Connection(wire, settings.instanceId() + "->hub", settings.outboundQueueSize());
            c.start(handler);
            return c;
        } catch (IOException | ProtocolException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private Wire plain(SocketChannel channel) throws IOException, ProtocolException {
        Socket socket = channel.socket();
        // unbuffered: nothing after the welcome may be read here, the connection reads on from the channel
        PushbackInputStream peekable = new PushbackInputStream(socket.getInputStream(), 2);
        DataInputStream in = new DataInputStream(peekable);
        OutputStream out = socket.getOutputStream();
        ClientHandshake handshake = new ClientHandshake(settings, address());
        Frame welcome;
        try {
            SocketWire.writeDirect(out, handshake.hello());
            refuseTls(peekable);
            Frame challenge = expect(SocketWire.read(in, HubSettings.MAX_HANDSHAKE_FRAME_BYTES), Frame.CHALLENGE);
            SocketWire.writeDirect(out, handshake.answer(challenge));
            welcome = expect(SocketWire.read(in, HubSettings.MAX_HANDSHAKE_FRAME_BYTES), Frame.WELCOME);
        } catch (EOFException e) {
            throw new IOException("the hub at " + address() + " closed the connection in the handshake (if it"
                    + " runs with tls=true, set tls=true and tlsTrustStore in org.kervi.ipc here too)", e);
        }
        socket.setSoTimeout(0);
        SocketWire wire = new SocketWire(channel, HubSettings.MAX_HANDSHAKE_FRAME_BYTES);
        wire.frameLimit(settings.maxFrameBytes());
        if (welcome.version >= Frame.BATCH_VERSION) {
            wire.batchValues();
        }
        return wire;
    }

    /** A TLS hub answers a plain hello with a TLS record (type 20..23, major version 3), not a frame. */
    private void refuseTls(PushbackInputStream in) throws IOException {
        byte[] head = new byte[2];
        int n = in.readNBytes(head, 0, 2);
        in.unread(head, 0, n);
        if (n == 2 && head[0] >= 20 && head[0] <= 23 && head[1] == 3) {
            throw new IOException("the hub at " + address() + " answered with TLS: set tls=true and tlsTrustStore"
                    + " in org.kervi.ipc here too");
        }
    }

    private Wire overTls(Socket socket) throws IOException, ProtocolException {
        TlsSettings tls = settings.tls();
        SSLSocket ssl = (SSLSocket) tls.context().getSocketFactory().createSocket(socket, settings.host(),
                settings.port(), true);
        ssl.setUseClientMode(true);
        ssl.setEnabledProtocols(TlsSettings.PROTOCOLS);
        if (tls.verifyHostname()) {
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(parameters);
        }
        try {
            ssl.startHandshake();
        } catch (SSLException e) {
            throw new IOException(tlsFailure(e), e);
        }
        TlsWire wire = new TlsWire(ssl, socket, HubSettings.MAX_HANDSHAKE_FRAME_BYTES, false);
        ClientHandshake handshake = new ClientHandshake(settings, address());
        try {
            wire.write(handshake.hello());
            wire.flush();
            Frame challenge = expect(wire.read(), Frame.CHALLENGE);
            wire.write(handshake.answer(challenge));
            wire.flush();
            expect(wire.read(), Frame.WELCOME);
        } catch (EOFException e) {
            throw new IOException("the hub at " + address() + " closed the TLS connection in the handshake", e);
        }
        ssl.setSoTimeout(0);
        wire.frameLimit(settings.maxFrameBytes());
        return wire;
    }

    private String tlsFailure(SSLException e) {
        String store = settings.tls().store();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return "the hub at " + address() + " presented a certificate that the trust store " + store
                        + " does not accept" + (settings.tls().verifyHostname() ? " (or that does not name the host;"
                        + " tlsVerifyHostname is on)" : "") + ": " + e.getMessage();
            }
        }
        return "TLS handshake with the hub at " + address() + " failed (trust store " + store + "; does the hub run"
                + " with tls=true?): " + e.getMessage();
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
