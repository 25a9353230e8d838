package org.kervi.devices.pi4j.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.Registration;
import org.kervi.api.hardware.DigitalInput;
import org.kervi.api.hardware.DigitalOutput;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.api.hardware.OneWireDevice;
import org.kervi.api.hardware.PwmOutput;

class Pi4jHardwareTest {
    @TempDir
    Path oneWire;

    private Context context;
    private Pi4jHardware hardware;

    @BeforeEach
    void mockPlatform() {
        context = Pi4jContexts.mock();
        hardware = new Pi4jHardware(context, "mock", oneWire);
    }

    @AfterEach
    void shutdown() {
        context.shutdown();
    }

    @Test
    void aToggledMockInputTellsTheListener() throws Exception {
        DigitalInput input = hardware.digitalInput(17);
        BlockingQueue<Boolean> changes = new LinkedBlockingQueue<>();
        Registration registration = input.onChange(changes::add);

        mockPin(17).mockState(DigitalState.HIGH);
        assertEquals(Boolean.TRUE, changes.poll(5, TimeUnit.SECONDS));
        assertTrue(input.isHigh());

        mockPin(17).mockState(DigitalState.LOW);
        assertEquals(Boolean.FALSE, changes.poll(5, TimeUnit.SECONDS));
        assertFalse(input.isHigh());

        registration.close();
        mockPin(17).mockState(DigitalState.HIGH);
        assertTrue(input.isHigh());
        assertNull(changes.poll(), "no change reported after the registration was closed");
    }

    @Test
    void anOutputStateIsReadable() throws Exception {
        DigitalOutput output = hardware.digitalOutput(22);
        assertFalse(output.isHigh(), "outputs start low");
        output.set(true);
        assertTrue(output.isHigh());
        output.set(false);
        assertFalse(output.isHigh());
    }

    @Test
    void aPinHeldOnceIsUnavailableUntilClosed() throws Exception {
        DigitalOutput output = hardware.digitalOutput(5);
        HardwareException taken = assertThrows(HardwareException.class, () -> hardware.digitalInput(5));
        assertEquals(HardwareException.Kind.UNAVAILABLE, taken.kind());

        output.close();
        hardware.digitalInput(5).close();
    }

    @Test
    void pwmKeepsDutyCycleAndFrequency() throws Exception {
        PwmOutput pwm = hardware.pwmOutput(0);
        pwm.setFrequency(1000);
        pwm.setDutyCycle(42.5);
        assertEquals(1000, pwm.frequency());
        assertEquals(42.5, pwm.dutyCycle(), 0.01);
        assertThrows(IllegalArgumentException.class, () -> pwm.setDutyCycle(101));
    }

    @Test
    void i2cRegistersAreQueuesAndAnUnexpectedReadFails() throws Exception {
        I2cDevice chip = hardware.i2cDevice(1, 0x76);
        chip.writeRegister(0xD0, 0x60);
        assertEquals(0x60, chip.readRegister(0xD0));

        HardwareException second = assertThrows(HardwareException.class, () -> chip.readRegister(0xD0));
        assertEquals(HardwareException.Kind.BUS_ERROR, second.kind());
        assertTrue(second.getMessage().contains("0xD0"), second.getMessage());
    }

    @Test
    void i2cRegisterValuesWithTheHighBitSetReadUnsigned() throws Exception {
        I2cDevice chip = hardware.i2cDevice(1, 0x40);
        chip.writeRegister(0x00, 0xA1);
        chip.writeRegister(0x00, 0xFF);
        assertEquals(0xA1, chip.readRegister(0x00));
        assertEquals(0xFF, chip.readRegister(0x00));
    }

    @Test
    void i2cBlockReadTakesQueuedBytesInOrder() throws Exception {
        I2cDevice chip = hardware.i2cDevice(1, 0x77);
        chip.writeRegisters(0x88, new byte[] {(byte) 0x70, (byte) 0x6B, (byte) 0xFE});
        assertArrayEquals(new byte[] {(byte) 0x70, (byte) 0x6B, (byte) 0xFE}, chip.readRegisters(0x88, 3));
    }

    @Test
    void aOneWireDeviceReadsItsSysfsText() throws Exception {
        Path device = Files.createDirectories(oneWire.resolve("28-0316a2794eff"));
        Files.writeString(device.resolve("w1_slave"), "72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n");
        OneWireDevice sensor = hardware.oneWireDevice("28-0316a2794eff");
        assertTrue(sensor.read().contains("crc=57 YES"));

        HardwareException missing = assertThrows(HardwareException.class,
                () -> hardware.oneWireDevice("28-000000000000").read());
        assertEquals(HardwareException.Kind.BUS_ERROR, missing.kind());
    }

    private MockDigitalInput mockPin(int pin) {
        return context.registry().get("gpio-" + pin);
    }
}
