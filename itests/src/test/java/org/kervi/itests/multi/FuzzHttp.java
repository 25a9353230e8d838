package org.kervi.itests.multi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 exchange over a plain socket, for requests that {@code java.net.http} refuses to send (invalid
 * methods, headers and paths, lying lengths): writes the bytes as given and reads the answer until the server
 * closes (the requests say {@code Connection: close}). Fuzzing only; the API tests use {@link DashboardClient}.
 */
final class FuzzHttp {
    private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    /** The answer: status (-1 when none came), the whole response as text, and whether the server hung. */
    record Response(int status, String text, boolean hung) {
        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }

    private FuzzHttp() {}

    static Response exchange(InetSocketAddress server, byte[] request, int timeoutMillis) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(server, 5_000);
            s.setSoTimeout(timeoutMillis);
            try {
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
            } catch (SocketException closedWhileWeSent) {
                // the server may answer and close before reading everything (413, 431): read what it said
            }
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[8_192];
            boolean hung = false;
            try {
                int n;
                while ((n = in.read(buffer)) > 0 && response.size() < MAX_RESPONSE_BYTES) {
                    response.write(buffer, 0, n);
                    if (System.nanoTime() > deadline) {
                        hung = true;
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                hung = true;
            } catch (SocketException reset) {
                // a reset after (or instead of) the answer: judged by what arrived
            }
            String text = response.toString(StandardCharsets.ISO_8859_1);
            return new Response(status(text), text, hung);
        }
    }

    private static int status(String text) {
        if (!text.startsWith("HTTP/1.") || text.length() < 12) {
            return -1;
        }
        try {
            return Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
