package org.kervi.shell.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.kervi.security.Credentials;

@Service
@Command(scope = "kervi", name = "passwd", description = "Sets or changes a user's password (stored hashed in"
        + " etc/users.properties; a new user becomes an administrator). Prompts without echo; scripts pass it in a"
        + " file or on standard input")
public class PasswdCommand implements Action {
    static final String DEFAULT_USER = "admin";
    private static final char NO_ECHO = 0;

    @Reference
    Credentials credentials;

    @Reference
    Session session;

    @Argument(index = 0, name = "user", description = "the user (default: admin)")
    @Completion(UserNameCompleter.class)
    String user = DEFAULT_USER;

    @Option(name = "--password-file", description = "read the password from the first line of this file (keep it"
            + " 0600 and delete it afterwards)")
    String passwordFile;

    @Option(name = "--stdin", description = "read the password from the first line of standard input")
    boolean stdin;

    @Override
    public Object execute() throws Exception {
        if (passwordFile != null && stdin) {
            throw new IllegalArgumentException("give --password-file or --stdin, not both");
        }
        char[] password = passwordFile != null ? fromFile(Paths.get(passwordFile)) : stdin ? fromStdin() : prompted();
        try {
            credentials.setPassword(user, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        session.getConsole().println("Password of '" + user + "' set; it opens the SSH shell, JMX and the dashboard.");
        return null;
    }

    private static char[] fromFile(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read the password file " + file.toAbsolutePath());
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return firstLine(reader, "the password file " + file.toAbsolutePath());
        }
    }

    private char[] fromStdin() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(session.getKeyboard(), StandardCharsets.UTF_8));
        return firstLine(reader, "standard input");
    }

    private static char[] firstLine(BufferedReader reader, String source) throws IOException {
        String line = reader.readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no password (its first line is empty)");
        }
        return line.toCharArray();
    }

    private char[] prompted() throws IOException {
        String first;
        String second;
        try {
            first = session.readLine("New password for '" + user + "': ", NO_ECHO);
            second = session.readLine("Again: ", NO_ECHO);
        } catch (UnsupportedOperationException noConsole) {
            throw new IllegalArgumentException("no interactive console to prompt on (a command passed to ssh or"
                    + " bin/client): use --stdin or --password-file");
        }
        if (first == null || second == null) {
            throw new IllegalArgumentException("no password given");
        }
        if (!first.equals(second)) {
            throw new IllegalArgumentException("the two passwords differ; nothing changed");
        }
        return first.toCharArray();
    }
}
