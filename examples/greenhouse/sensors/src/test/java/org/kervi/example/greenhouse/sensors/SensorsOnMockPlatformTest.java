package org.kervi.example.greenhouse.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.pi4j.mock.MockHardware;

class SensorsOnMockPlatformTest {
    @TempDir
    Path oneWire;

    @Test
    void theAds1115IsSetUpOnceThenReadsTheConversionRegister() throws Exception {
        try (MockHardware mock = MockHardware.create(oneWire)) {
            I2cDevice device = mock.hardware().i2cDevice(1, 0x48);
            Ads1115Input input = new Ads1115Input(device, 0);
            device.writeRegisters(Ads1115Input.CONVERSION, new byte[] {0x20, 0x00, 0x40, 0x00});
            assertEquals(1.024, input.volts(), 1e-9);
            assertEquals(2.048, input.volts(), 1e-9);
            assertThrows(HardwareException.class, input::volts, "no third conversion queued");
            byte[] config = device.readRegisters(Ads1115Input.CONFIG, 2);
            assertEquals(0x4283, (config[0] & 0xFF) << 8 | (config[1] & 0xFF), "AIN0, ±4.096 V, continuous");
        }
    }

    @Test
    void soilMoistureIsScaledBetweenDryAndWetVoltage() {
        assertEquals(0, SoilMoistureSensor.SoilMoisture.percent(2.9, 2.8, 1.2));
        assertEquals(50, SoilMoistureSensor.SoilMoisture.percent(2.0, 2.8, 1.2), 1e-9);
        assertEquals(100, SoilMoistureSensor.SoilMoisture.percent(1.0, 2.8, 1.2));
    }

    @Test
    void aDs18b20ReadingNeedsTheKernelsYes() throws Exception {
        String good = "72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n";
        assertEquals(23.125, Ds18b20Probe.celsius("28-1", good), 1e-9);
        HardwareException bad = assertThrows(HardwareException.class,
                () -> Ds18b20Probe.celsius("28-1", good.replace("YES", "NO")));
        assertTrue(bad.getMessage().contains("CRC"), bad.getMessage());
    }
}
