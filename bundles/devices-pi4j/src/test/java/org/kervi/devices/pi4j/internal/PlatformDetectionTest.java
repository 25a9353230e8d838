package org.kervi.devices.pi4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Board detection on a temporary folder standing in for {@code /}. */
class PlatformDetectionTest {
    @TempDir
    Path root;

    @Test
    void withoutADeviceTreeModelAutoFallsBackToMockAndSaysWhy() {
        PlatformDetection detection = PlatformDetection.of(survey());

        assertEquals(PlatformChoice.MOCK, detection.platform());
        assertTrue(detection.fellBack());
        assertEquals("no Raspberry Pi detected (/proc/device-tree/model missing): using the mock platform",
                detection.reason());
    }

    @Test
    void aBoardThatIsNoRaspberryPiIsNamedInTheFallback() throws Exception {
        file("proc/device-tree/model", "Pine64 RockPro64 v2.1\0");
        file("dev/gpiochip0", "");

        PlatformDetection detection = PlatformDetection.of(survey());

        assertEquals(PlatformChoice.MOCK, detection.platform());
        assertEquals("no Raspberry Pi detected (/proc/device-tree/model says 'Pine64 RockPro64 v2.1'):"
                + " using the mock platform", detection.reason());
    }

    @Test
    void aRaspberryPiWithoutGpioCharacterDevicesFallsBackToMock() throws Exception {
        file("proc/device-tree/model", "Raspberry Pi 3 Model B Rev 1.2\0");

        PlatformDetection detection = PlatformDetection.of(survey());

        assertEquals(PlatformChoice.MOCK, detection.platform());
        assertTrue(detection.reason().startsWith("Raspberry Pi 3 Model B Rev 1.2 has no /dev/gpiochip*"),
                detection.reason());
    }

    @Test
    void aRaspberryPi5WithGpioChipsGetsGpiod() throws Exception {
        file("proc/device-tree/model", "Raspberry Pi 5 Model B Rev 1.0\0");
        file("dev/gpiochip0", "");
        file("dev/gpiochip4", "");
        file("dev/i2c-1", "");
        file("dev/tty1", "");

        BoardSurvey board = survey();
        PlatformDetection detection = PlatformDetection.of(board);

        assertEquals(PlatformChoice.GPIOD, detection.platform());
        assertFalse(detection.fellBack());
        assertEquals("Raspberry Pi 5 Model B Rev 1.0: gpiod for digital I/O (gpiochip0, gpiochip4), linuxfs for"
                + " I2C, SPI and PWM", detection.reason());
        assertEquals(List.of("i2c-1"), board.i2cBuses());
        assertEquals(List.of(), board.spiDevices());
    }

    @Test
    void theSurveyReadsBusesPwmChipsAndTheSysfsGpioInterface() throws Exception {
        file("dev/spidev0.0", "");
        file("dev/spidev0.1", "");
        Files.createDirectories(root.resolve("sys/class/pwm/pwmchip2"));
        file("sys/class/gpio/export", "");

        BoardSurvey board = survey();

        assertEquals(Optional.empty(), board.model());
        assertEquals(List.of("spidev0.0", "spidev0.1"), board.spiDevices());
        assertEquals(List.of("pwmchip2"), board.pwmChips());
        assertTrue(board.sysfsGpio());
    }

    private BoardSurvey survey() {
        return BoardSurvey.of(new SystemFiles(root));
    }

    private void file(String relative, String text) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
