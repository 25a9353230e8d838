package org.kervi.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;

/**
 * Karaf shell over SSH (Apache MINA sshd client): one session with one exec channel per command. (Karaf closes
 * the SSH session when an exec command ends, so sessions cannot be reused.)
 */
final class KarafShell implements AutoCloseable {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    private static final Duration LOGIN_ATTEMPT = Duration.ofSeconds(20);

    private final String host;
    private volatile String user;
    private volatile String password;
    private final Runnable restartServer;
    /** When this shell last asked the instance to restart its SSH server ({@code System.nanoTime()}), or 0. */
    private volatile long restartRequestedAt;
    private SshClient client;

    /** {@code restartServer} makes the instance start a new SSH server (see {@link #login}). */
    KarafShell(String host, String user, String password, Runnable restartServer) {
        this.host = host;
        this.user = user;
        this.password = password;
        this.restartServer = restartServer;
    }

    /** The user and password of the next logins; null for none (a production instance before onboarding). */
    void credentials(String user, String password) {
        this.user = user;
        this.password = password;
    }

    boolean hasCredentials() {
        return user != null && password != null;
    }

    /**
     * Runs one command line and returns what it printed; throws {@link UncheckedIOException} if it could not be
     * run at all (no connection, login refused, timeout).
     */
    CommandResult run(int port, String command, Duration timeout) {
        long before = restartRequestedAt;
        try {
            return runOnce(port, command, timeout);
        } catch (UncheckedIOException e) {
            if (restartRequestedAt == before || restartRequestedAt == 0) {
                throw e;
            }
            // the SSH server this login asked to restart went down under the session (restarts are picked up
            // from etc/ a second or two later): once more, on the new server
            System.err.println("[KarafShell] " + host + ":" + port + ": '" + command + "' failed while the SSH"
                    + " server restarted (" + e.getMessage() + "); running it again once the new server answers");
            long deadline = System.nanoTime() + LOGIN_ATTEMPT.toNanos();
            while (true) {
                try {
                    return runOnce(port, command, timeout);
                } catch (UncheckedIOException again) {
                    if (System.nanoTime() > deadline) {
                        throw again;
                    }
                    try {
                        Thread.sleep(200); // the new server is not listening yet: connections are refused at once
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw again;
                    }
                }
            }
        }
    }

    private CommandResult runOnce(int port, String command, Duration timeout) {
        if (!hasCredentials()) {
            throw new UncheckedIOException(new IOException("'" + command + "': no credentials for a production"
                    + " instance yet (KarafProcess.withCredentials after setting a password)"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ClientSession session = login(port, timeout);
             ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(timeout);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new IOException("did not finish within " + timeout + "; printed so far: " + out + err);
            }
            Integer status = channel.getExitStatus();
            String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            text = ANSI.matcher(text.replace("\r\n", "\n")).replaceAll("");
            return new CommandResult(command, text, status == null ? -1 : status);
        } catch (IOException e) {
            throw new UncheckedIOException("'" + command + "' on " + user + "@" + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Logs in; a login that gets no answer within {@link #LOGIN_ATTEMPT} makes the instance restart its SSH server,
     * then is tried again from a new client. Seen at load 10-20 about once in five FanDemoIT runs, with or without
     * Kervi's history: Karaf's SSH server (Apache MINA sshd 2.17.1 on the JDK's NIO.2 channels) stops accepting for
     * good; the kernel queues the connections (the listening socket's epoll registration is left disarmed), the
     * server's threads are idle and nothing is logged. docs/testing.md has the evidence.
     */
    private ClientSession login(int port, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            Duration attempt = left.compareTo(LOGIN_ATTEMPT) < 0 ? left : LOGIN_ATTEMPT;
            long started = System.nanoTime();
            try {
                return loginOnce(port, attempt);
            } catch (IOException e) {
                boolean unanswered = System.nanoTime() - started >= attempt.toNanos();
                if (!unanswered || System.nanoTime() + LOGIN_ATTEMPT.toNanos() / 4 > deadline) {
                    throw e; // refused or failed at once (the caller decides), or no time left for a new attempt
                }
                System.err.println("[KarafShell] " + host + ":" + port + ": no login within " + attempt
                        + " (" + e.getMessage() + "); restarting the instance's SSH server, then a new client");
                close();
                restartRequestedAt = System.nanoTime();
                restartServer.run();
            }
        }
    }

    private ClientSession loginOnce(int port, Duration timeout) throws IOException {
        ClientSession session = client().connect(user, host, port).verify(timeout).getSession();
        try {
            session.addPasswordIdentity(password);
            session.auth().verify(timeout);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    private synchronized SshClient client() {
        if (client == null) {
            SshClient c = SshClient.setUpDefaultClient();
            // test instances generate a new host key at first boot: nothing to verify against
            c.setServerKeyVerifier((clientSession, remoteAddress, serverKey) -> true);
            // password login only, never the keys of the user running the tests
            c.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            c.start();
            client = c;
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.stop();
            client = null;
        }
    }
}
