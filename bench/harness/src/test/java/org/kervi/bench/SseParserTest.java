package org.kervi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
    private final List<String> events = new ArrayList<>();
    private final SseParser parser = new SseParser((type, data) -> events.add(type + "|" + data));

    private void feed(String... lines) {
        for (String line : lines) {
            parser.line(line);
        }
    }

    @Test
    void dispatchesTypedEventsOnBlankLine() {
        feed("retry: 1000", "", "event: values", "data: [{\"id\":\"a\",\"v\":1,\"t\":2}]", "");
        assertEquals(List.of("values|[{\"id\":\"a\",\"v\":1,\"t\":2}]"), events);
        assertEquals(1000, parser.retryMillis());
    }

    @Test
    void joinsDataLinesWithNewlines() {
        feed("event: snapshot", "data: [", "data:{\"id\":\"a\"}", "data: ]", "");
        assertEquals(List.of("snapshot|[\n{\"id\":\"a\"}\n]"), events);
    }

    @Test
    void dropsOnlyOneLeadingSpaceAndIgnoresComments() {
        feed(": a comment", "data:  two spaces", "");
        assertEquals(List.of("message| two spaces"), events);
    }

    @Test
    void anEventWithoutDataIsNotDispatchedAndItsTypeDoesNotLeak() {
        feed("event: ping", "", "data: x", "");
        assertEquals(List.of("message|x"), events);
    }

    @Test
    void emptyDataLineCountsAndFieldWithoutColonIsAName() {
        feed("data", "", "id: 7", "event: model", "data: {}", "");
        assertEquals(List.of("message|", "model|{}"), events);
        assertEquals("7", parser.lastEventId());
    }
}
