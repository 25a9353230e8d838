package org.kervi.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class DataFilesTest {
    @Test
    void aPlainNameLandsInKarafData() {
        String data = System.getProperty("karaf.data", "data");
        assertEquals(Paths.get(data, "edges-round1.txt"), DataFiles.resolve("edges-round1.txt"));
    }

    @Test
    void refusesAnythingButAPlainName() {
        for (String name : new String[] {"../etc/x.cfg", "/tmp/x", "a b", ".hidden", ""}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> DataFiles.resolve(name));
            assertEquals("file '" + name + "' is not a plain file name (letters, digits, . _ -)",
                    refused.getMessage());
        }
    }
}
