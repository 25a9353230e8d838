package org.kervi.devices.motor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.hardware.HardwareException;
import org.kervi.devices.pi4j.mock.MockHardware;

class Pca9685PoolOnMockPlatformTest {
    @TempDir
    Path oneWire;

    private MockHardware mock;
    private Pca9685Pool pool;

    @BeforeEach
    void openMock() {
        mock = MockHardware.create(oneWire);
        pool = new Pca9685Pool(mock.hardware());
    }

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void usersOfOneChipShareItAndTheLastOneReleasesIt() throws Exception {
        Pca9685Pool.Lease vent = pool.acquire(1, 0x40, 50, "servo vent");
        Pca9685Pool.Lease door = pool.acquire(1, 0x40, 50, "servo door");
        assertSame(vent.pwm(), door.pwm());
        assertEquals(HardwareException.Kind.UNAVAILABLE,
                assertThrows(HardwareException.class, () -> mock.hardware().i2cDevice(1, 0x40)).kind());

        vent.close();
        vent.close();
        assertThrows(HardwareException.class, () -> mock.hardware().i2cDevice(1, 0x40), "door still holds it");
        door.close();
        mock.hardware().i2cDevice(1, 0x40).close();
    }

    @Test
    void usersMustAgreeOnTheFrequency() throws Exception {
        try (Pca9685Pool.Lease vent = pool.acquire(1, 0x60, 50, "servo vent")) {
            HardwareException clash = assertThrows(HardwareException.class,
                    () -> pool.acquire(1, 0x60, 1600, "motor wheel"));
            assertEquals(HardwareException.Kind.UNAVAILABLE, clash.kind());
            assertTrue(clash.getMessage().contains("runs at 50 Hz for servo vent; motor wheel needs 1600 Hz"),
                    clash.getMessage());
            pool.acquire(1, 0x61, 1600, "motor wheel").close();
        }
    }
}
