package org.kervi.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsAnywhereTest {
    private final OptionsAnywhere valueGet = new ValueGetCommand.Parser();
    private final OptionsAnywhere action = new ActionCommand.Parser();
    private final OptionsAnywhere values = new ValuesCommand.Parser();

    @Test
    void aFlagAfterTheIdMovesInFrontOfIt() {
        assertEquals(List.of("kervi:value-get", "-v", "fan.temp"),
                valueGet.optionsFirst(List.of("kervi:value-get", "fan.temp", "-v")));
        assertEquals(List.of("value-get", "--verbose", "fan.temp"),
                valueGet.optionsFirst(List.of("value-get", "fan.temp", "--verbose")));
    }

    @Test
    void optionsAlreadyFirstStayAsTheyAre() {
        List<String> line = List.of("kervi:value-get", "-v", "fan.temp");
        assertEquals(line, valueGet.optionsFirst(line));
    }

    @Test
    void anOptionWithAValueTakesItsValueAlongAndArgumentsKeepTheirOrder() {
        assertEquals(List.of("kervi:action", "-t", "500", "fan.set", "3", "-4"),
                action.optionsFirst(List.of("kervi:action", "fan.set", "3", "-t", "500", "-4")));
        assertEquals(List.of("kervi:action", "--timeout=500", "fan.set", "true"),
                action.optionsFirst(List.of("kervi:action", "fan.set", "--timeout=500", "true")));
    }

    @Test
    void negativeNumbersQuotedDashesAndOtherCommandsOptionsStayArguments() {
        assertEquals(List.of("kervi:action", "fan.set", "-3", "\"-t\"", "-v"),
                action.optionsFirst(List.of("kervi:action", "fan.set", "-3", "\"-t\"", "-v")));
    }

    @Test
    void everyOptionOfACommandMoves() {
        assertEquals(List.of("kervi:values", "--no-format", "-l", "fan"),
                values.optionsFirst(List.of("kervi:values", "fan", "--no-format", "-l")));
        assertEquals(List.of("kervi:values", "fan", "--help"),
                values.optionsFirst(List.of("kervi:values", "fan", "--help")),
                "--help is Karaf's own, found anywhere on the line: it stays where it is");
    }

    @Test
    void aValueOptionThatEndsTheLineIsRefusedRatherThanTakingTheFirstArgumentAsItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> action.optionsFirst(List.of("kervi:action", "fan.set", "true", "-t")));
        assertEquals("kervi:action: option -t needs a value", e.getMessage());
        assertEquals(List.of(), action.optionsFirst(List.of()));
    }
}
