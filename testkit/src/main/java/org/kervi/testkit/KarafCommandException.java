package org.kervi.testkit;

/**
 * A Karaf shell command that failed: Karaf printed an error line ({@code Error executing command: ...},
 * {@code Command not found: ...}) or ended the SSH channel with a non-zero exit status. The message is the
 * error text without Karaf's prefix, so tests can compare it with the exception message of the command.
 */
public class KarafCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final String errorLine;
    private final String output;

    KarafCommandException(String command, String errorLine, String output) {
        super(errorLine);
        this.command = command;
        this.errorLine = errorLine;
        this.output = output;
    }

    /** The command line as sent. */
    public String command() {
        return command;
    }

    /** The error without Karaf's {@code Error executing command: } prefix. */
    public String errorLine() {
        return errorLine;
    }

    /** Everything the command printed (stdout and stderr). */
    public String output() {
        return output;
    }
}
