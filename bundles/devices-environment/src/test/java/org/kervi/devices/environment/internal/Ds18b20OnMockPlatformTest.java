package org.kervi.devices.environment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.hardware.HardwareException;
import org.kervi.devices.environment.Ds18b20;
import org.kervi.devices.pi4j.mock.MockHardware;

/** The driver reading real {@code w1_slave} texts from the 1-Wire device folder the mock platform is given. */
class Ds18b20OnMockPlatformTest {
    private static final String ID = "28-0316a2794eff";

    @TempDir
    Path oneWire;

    private MockHardware mock;
    private Ds18b20 sensor;

    @BeforeEach
    void open() throws HardwareException {
        mock = MockHardware.create(oneWire);
        sensor = Ds18b20.on(mock.hardware().oneWireDevice(ID));
    }

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void readsAGoodReading() throws Exception {
        write("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n");
        assertEquals(23.125, sensor.read());
        write("4b 01 4b 46 7f ff 05 10 e1 : crc=e1 YES\n4b 01 4b 46 7f ff 05 10 e1 t=20687\n");
        assertEquals(20.6875, sensor.read());
    }

    @Test
    void readsBelowZeroAndWhatASimulationWrites() throws Exception {
        write(Ds18b20.w1SlaveText(-10.125));
        assertEquals(-10.125, sensor.read());
        assertTrue(Ds18b20.w1SlaveText(-10.125).endsWith("t=-10125\n"), Ds18b20.w1SlaveText(-10.125));
        write(Ds18b20.w1SlaveText(23.125));
        assertEquals("72 01 4b 46 7f ff 0c 10 c6 : crc=c6 YES\n72 01 4b 46 7f ff 0c 10 c6 t=23125\n",
                Files.readString(oneWire.resolve(ID).resolve("w1_slave")));
    }

    @Test
    void refusesAScratchpadWhoseCrcIsWrongEvenWhenTheKernelSaidYes() throws Exception {
        write("72 01 4b 46 7f ff 0e 10 58 : crc=58 YES\n72 01 4b 46 7f ff 0e 10 58 t=23125\n");
        assertError(HardwareException.Kind.BUS_ERROR, "DS18B20: CRC mismatch, scratchpad says 0x58, its bytes give 0x57");
    }

    @Test
    void refusesTheKernelsNo() throws Exception {
        write("72 01 4b 46 7f ff 0e 10 00 : crc=00 NO\n72 01 4b 46 7f ff 0e 10 00 t=23125\n");
        assertError(HardwareException.Kind.BUS_ERROR,
                "1-Wire device 28-0316a2794eff: the kernel's CRC check failed (crc=00 NO)");
    }

    @Test
    void refusesThePowerOnResetValue() throws Exception {
        write("50 05 4b 46 7f ff 0c 10 1c : crc=1c YES\n50 05 4b 46 7f ff 0c 10 1c t=85000\n");
        HardwareException e = assertThrows(HardwareException.class, sensor::read);
        assertTrue(e.getMessage().startsWith("DS18B20: 85.000 °C is the power-on value"), e.getMessage());
    }

    @Test
    void refusesAStuckBus() throws Exception {
        write("00 00 00 00 00 00 00 00 00 : crc=00 YES\n00 00 00 00 00 00 00 00 00 t=0\n");
        assertError(HardwareException.Kind.BUS_ERROR,
                "DS18B20: scratchpad all 0x00: the data line is stuck (wiring, pull-up resistor?)");
        write("ff ff ff ff ff ff ff ff ff : crc=c9 NO\nff ff ff ff ff ff ff ff ff t=-62\n");
        assertError(HardwareException.Kind.BUS_ERROR,
                "1-Wire device 28-0316a2794eff: the kernel's CRC check failed (crc=c9 NO)");
    }

    @Test
    void refusesACutShortFile() throws Exception {
        write("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n");
        HardwareException e = assertThrows(HardwareException.class, sensor::read);
        assertTrue(e.getMessage().contains("w1_slave is not two DS18x20 lines"), e.getMessage());
    }

    @Test
    void aMissingDeviceIsABusErrorNamingTheFile() {
        HardwareException e = assertThrows(HardwareException.class, sensor::read);
        assertEquals(HardwareException.Kind.BUS_ERROR, e.kind());
        assertTrue(e.getMessage().contains(oneWire.resolve(ID).resolve("w1_slave").toString()), e.getMessage());
    }

    @Test
    void anotherFamilyIsTheWrongChip() throws Exception {
        Ds18b20 ds18s20 = Ds18b20.on(mock.hardware().oneWireDevice("10-000802b4c1e3"));
        HardwareException e = assertThrows(HardwareException.class, ds18s20::read);
        assertEquals(HardwareException.Kind.WRONG_CHIP, e.kind());
        assertEquals("1-Wire device 10-000802b4c1e3 is family 0x10, expected a DS18B20 (family 0x28)", e.getMessage());
    }

    private void assertError(HardwareException.Kind kind, String message) {
        HardwareException e = assertThrows(HardwareException.class, sensor::read);
        assertEquals(kind, e.kind());
        assertEquals(message, e.getMessage());
    }

    private void write(String text) throws IOException {
        Files.createDirectories(oneWire.resolve(ID));
        Files.writeString(oneWire.resolve(ID).resolve("w1_slave"), text);
    }
}
