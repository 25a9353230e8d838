package org.kervi.itests.multi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} will not do: send from a chosen local
 * address (127.0.0.2, 127.0.0.3, … are all this machine on Linux) and send any {@code Host} header.
 */
final class RawHttp {
    /** A response head (and the body when the server ended it). */
    record Response(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        /** The value of cookie {@code name} set by this response, or null. */
        String cookie(String name) {
            for (String c : all("set-cookie")) {
                if (c.startsWith(name + "=")) {
                    int end = c.indexOf(';');
                    return c.substring(name.length() + 1, end < 0 ? c.length() : end);
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    private final String localAddress;
    private final int port;

    RawHttp(String localAddress, int port) {
        this.localAddress = localAddress;
        this.port = port;
    }

    String localAddress() {
        return localAddress;
    }

    /** Sends one request on a new connection and reads the whole response. */
    Response send(String method, String path, Map<String, String> headers, String body) {
        try (Socket socket = connect()) {
            write(socket, method, path, headers, body);
            InputStream in = socket.getInputStream();
            Response head = readHead(in);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(head.status(), head.headers(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " from " + localAddress, e);
        }
    }

    /** Sends a request and returns once the response head is in; the connection stays open until closed. */
    Socket open(String path, Map<String, String> headers, List<Response> head) {
        Socket socket = null;
        try {
            socket = connect();
            write(socket, "GET", path, headers, null);
            head.add(readHead(socket.getInputStream()));
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("GET " + path + " from " + localAddress, e);
        }
    }

    static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private void write(Socket socket, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "127.0.0.1:" + port);
        all.put("Connection", "close");
        all.putAll(headers);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            all.putIfAbsent("Content-Type", "application/json");
            all.put("Content-Length", Integer.toString(bytes.length));
        }
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        all.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private static Response readHead(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
                line.reset();
                if (text.isEmpty()) {
                    break;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        if (lines.isEmpty()) {
            throw new IOException("no response");
        }
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h : lines.subList(1, lines.size())) {
            int colon = h.indexOf(':');
            headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(h.substring(colon + 1).trim());
        }
        return new Response(status, headers, "");
    }
}
