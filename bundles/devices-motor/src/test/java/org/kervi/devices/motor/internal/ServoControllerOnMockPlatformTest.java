package org.kervi.devices.motor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.values.Value;
import org.kervi.devices.motor.Pca9685;
import org.kervi.devices.motor.ServoController;
import org.kervi.devices.motor.ServoSettings;

/** A servo on channel 4 of a PCA9685 at 50 Hz: 1.0–2.0 ms over 0–180° are 204.8–409.6 of 4096 counts. */
class ServoControllerOnMockPlatformTest extends MockChipTest {
    private static final int CHANNEL = 4;

    @Override
    protected int address() {
        return Pca9685.ADDRESS;
    }

    @Test
    void positionInDegreesBecomesThePulse() throws Exception {
        writes.queuePowerOnMode1();
        ServoController vent = servo();
        vent.start(context);
        vent.position().setFromOutside(90);
        vent.position().setFromOutside(180);

        writes.assertSetUp(121);
        writes.assertChannel(CHANNEL, ChipWrites.offAt(205), ChipWrites.offAt(307), ChipWrites.offAt(410));
        assertEquals("", vent.error().get());
    }

    @Test
    void adjustTrimsThePositionWithinTheRange() throws Exception {
        writes.queuePowerOnMode1();
        ServoController vent = servo();
        vent.position().setFromOutside(90);
        vent.start(context);
        vent.adjust().setFromOutside(-10);
        vent.position().setFromOutside(180);
        vent.adjust().setFromOutside(10);

        writes.assertSetUp(121);
        // 90°, 80° (1.444 ms → 295.8 counts), 170°, 190° clamped to 180°
        writes.assertChannel(CHANNEL, ChipWrites.offAt(307), ChipWrites.offAt(296), ChipWrites.offAt(398),
                ChipWrites.offAt(410));
    }

    @Test
    void otherPulseRangesAndAnglesAreSettings() throws Exception {
        writes.queuePowerOnMode1();
        ServoController wide = new ServoController("wide", "Wide", Pca9685.on(chip), 0,
                new ServoSettings(0.5, 2.5, 270));
        wide.start(context);
        wide.position().setFromOutside(270);

        writes.assertSetUp(121);
        writes.assertChannel(0, ChipWrites.offAt(102), ChipWrites.offAt(512));
        assertEquals(List.of("wide.position", "wide.adjust", "wide.error"),
                wide.values().stream().map(Value::id).toList());
    }

    @Test
    void badSettingsAreClearErrors() {
        IllegalArgumentException channel = assertThrows(IllegalArgumentException.class,
                () -> new ServoController("s", "S", Pca9685.on(chip), 16, ServoSettings.STANDARD));
        assertTrue(channel.getMessage().contains("channel 16"), channel.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ServoSettings(2.0, 1.0, 180));
        assertThrows(IllegalArgumentException.class, () -> new ServoSettings(1.0, 2.0, 0));
    }

    @Test
    void aMissingChipShowsOnErrorAndTheNextMoveTriesAgain() throws Exception {
        ServoController vent = servo();
        vent.start(context);
        assertTrue(vent.error().get().startsWith("PCA9685: i2c bus 1 address 0x40"), vent.error().get());

        writes.queuePowerOnMode1();
        vent.position().setFromOutside(180);

        assertEquals("", vent.error().get());
        writes.assertSetUp(121);
        writes.assertChannel(CHANNEL, ChipWrites.offAt(410));
    }

    private ServoController servo() {
        return new ServoController("vent", "Vent", Pca9685.on(chip), CHANNEL, ServoSettings.STANDARD);
    }
}
