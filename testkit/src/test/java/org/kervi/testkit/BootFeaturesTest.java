package org.kervi.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Adding boot features to both forms of featuresBoot the assembly writes (unit test, no Karaf). */
public class BootFeaturesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void addsInFrontOfOneGeneratedFeature() throws Exception {
        Path cfg = write("# boot\nfeaturesBoot = b6d5abd2-41c9\n\nfeaturesBootAsynchronous=false\n");
        BootFeatures.add(cfg, "kervi-ipc", "kervi-dashboard");
        assertEquals("# boot\nfeaturesBoot = kervi-ipc, kervi-dashboard, b6d5abd2-41c9\n\n"
                + "featuresBootAsynchronous=false\n", Files.readString(cfg));
    }

    @Test
    public void addsInFrontOfAContinuedList() throws Exception {
        Path cfg = write("featuresBoot = \\\n    instance, \\\n    shell\n");
        BootFeatures.add(cfg, "kervi-ipc");
        assertEquals("featuresBoot = kervi-ipc, \\\n    instance, \\\n    shell\n", Files.readString(cfg));
    }

    @Test
    public void aFileWithoutTheKeyIsAnError() throws Exception {
        Path cfg = write("featuresBootAsynchronous=false\n");
        assertThrows(IllegalStateException.class, () -> BootFeatures.add(cfg, "kervi-ipc"));
    }

    private Path write(String text) throws Exception {
        Path cfg = tmp.newFile("org.apache.karaf.features.cfg").toPath();
        Files.writeString(cfg, text);
        return cfg;
    }
}
