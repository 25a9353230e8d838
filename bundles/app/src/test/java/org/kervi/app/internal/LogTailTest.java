package org.kervi.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @Test
    void lastLinesOfASmallAndALargeLog(@TempDir Path dir) throws Exception {
        Path small = dir.resolve("small.log");
        Files.writeString(small, "one\ntwo\nthree\n");
        assertEquals(List.of("two", "three"), LogTail.lastLines(small, 2));
        assertEquals(List.of("one", "two", "three"), LogTail.lastLines(small, 10));

        Path large = dir.resolve("large.log");
        Files.writeString(large, IntStream.range(0, 100_000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n")));
        assertEquals(List.of("line 99997", "line 99998", "line 99999"), LogTail.lastLines(large, 3));
    }

    @Test
    void noLogIsNoLines(@TempDir Path dir) {
        assertEquals(List.of(), LogTail.lastLines(dir.resolve("missing.log"), 5));
    }
}
