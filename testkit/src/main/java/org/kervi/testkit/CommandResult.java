package org.kervi.testkit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Karaf shell command printed over SSH, with its exit status.
 *
 * @param command the command line as sent
 * @param output stdout and stderr (in that order), ANSI colours removed, {@code \n} line ends
 * @param exitStatus the exit status of the SSH exec channel ({@code -1} if the server sent none)
 */
public record CommandResult(String command, String output, int exitStatus) {

    private static final Pattern ERROR_LINE = Pattern.compile(
            "^(?:Error executing command(?: [^:]*)?: |(Command not found: ))(.*)$", Pattern.MULTILINE);

    /**
     * The error Karaf reported, without its {@code Error executing command: } prefix ({@code Command not
     * found: x} stays whole); a bare exit status if the command failed without an error line.
     */
    public Optional<String> error() {
        Matcher m = ERROR_LINE.matcher(output);
        if (m.find()) {
            return Optional.of(m.group(1) != null ? m.group(1) + m.group(2) : m.group(2));
        }
        if (exitStatus > 0) {
            return Optional.of("exit status " + exitStatus);
        }
        return Optional.empty();
    }

    public boolean failed() {
        return error().isPresent();
    }

    /** The output, or a {@link KarafCommandException} carrying the error line. */
    public String orThrow() {
        Optional<String> error = error();
        if (error.isPresent()) {
            throw new KarafCommandException(command, error.get(), output);
        }
        return output;
    }
}
