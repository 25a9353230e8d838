package org.kervi.shell.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Parser;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.parsing.DefaultParser;

/**
 * Lets a command's options follow its arguments ({@code kervi:value-get ID -v} as well as
 * {@code kervi:value-get -v ID}). Karaf stops reading options at the first argument and offers no setting for it;
 * what it offers is a command's own parser ({@code @Parsing}). This one tokenizes like Karaf's default parser and,
 * before Karaf reads the line, moves the command's declared options (with the value of a non-boolean option)
 * in front of its arguments. Anything that is not one of the command's options stays where it was, so arguments
 * such as {@code -3} or {@code "-v"} (quoted) are untouched. An option that needs a value but ends the line is
 * refused here with a clear message.
 *
 * <p>A command uses it through a nested {@code @Service} subclass naming the command (as Karaf's own
 * {@code shell:watch} does with its parser): {@code @Parsing(ValueGetCommand.Parser.class)}.
 */
abstract class OptionsAnywhere implements Parser {
    private final Map<String, Boolean> takesValue;

    OptionsAnywhere(Class<? extends Action> command) {
        this.takesValue = options(command);
    }

    @Override
    public CommandLine parse(Session session, String command, int cursor) {
        return new DefaultParser().parse(session, command, cursor);
    }

    @Override
    public String preprocess(Session session, CommandLine commandLine) {
        return String.join(" ", optionsFirst(List.of(commandLine.getArguments())));
    }

    /** The command name, then its options with their values, then its arguments in their order. */
    List<String> optionsFirst(List<String> tokens) {
        if (tokens.isEmpty()) {
            return tokens;
        }
        List<String> options = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            String token = tokens.get(i);
            int equals = token.indexOf('=');
            Boolean withValue = takesValue.get(equals > 0 ? token.substring(0, equals) : token);
            if (withValue == null) {
                arguments.add(token);
                continue;
            }
            options.add(token);
            if (withValue && equals < 0) {
                if (i + 1 == tokens.size()) {
                    // moved first, it would take the command's first argument as its value
                    throw new IllegalArgumentException(tokens.get(0) + ": option " + token + " needs a value");
                }
                options.add(tokens.get(++i));
            }
        }
        List<String> result = new ArrayList<>(tokens.size());
        result.add(tokens.get(0));
        result.addAll(options);
        result.addAll(arguments);
        return result;
    }

    /** Every name and alias of the command's options, and whether it takes a value (all but booleans do). */
    private static Map<String, Boolean> options(Class<?> command) {
        Map<String, Boolean> options = new HashMap<>();
        for (Class<?> type = command; type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                if (option != null) {
                    boolean flag = field.getType() == boolean.class || field.getType() == Boolean.class;
                    options.put(option.name(), !flag);
                    for (String alias : option.aliases()) {
                        options.put(alias, !flag);
                    }
                }
            }
        }
        return options;
    }
}
