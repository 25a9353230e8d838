package org.kervi.example.greenhouse.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kervi.devices.environment.Bme280;

class SimulatedChipsTest {

    @Test
    void theRealBme280DriverReadsBackWhatTheSimulationWants() throws Exception {
        Bme280Registers registers = new Bme280Registers();
        RegisterImage chip = new RegisterImage();
        chip.put(Bme280Registers.CHIP_ID_REGISTER, Bme280Registers.CHIP_ID);
        chip.put(Bme280Registers.CALIBRATION_1, Bme280Registers.calibration1());
        chip.put(Bme280Registers.CALIBRATION_2, Bme280Registers.calibration2());
        Bme280 bme280 = Bme280.on(chip.device());
        for (double[] wanted : new double[][] {{25.08, 45, 1006.5}, {-5.5, 90, 980}, {38.2, 12.5, 1030}}) {
            chip.put(Bme280Registers.DATA, registers.data(wanted[0], wanted[1], wanted[2]));
            assertEquals(wanted[0], bme280.temperature().read(), 0.011, "°C");
            assertEquals(wanted[1], bme280.humidity().read(), 0.02, "%");
            assertEquals(wanted[2], bme280.pressure().read(), 0.02, "hPa");
        }
    }

    @Test
    void aServoAngleIsReadFromTheLastFourBytesWritten() {
        byte[] twoWrites = {0, 0, (byte) 205, 0, 0, 0, 0, 1};
        assertEquals(45, ServoPulse.lastAngle(twoWrites), 0.9, "256 steps of 4096 in 20 ms: 1.25 ms");
        assertEquals(0, ServoPulse.lastAngle(new byte[] {0, 0, (byte) 205, 0}), 0.9);
    }

    @Test
    void pumpingWetsTheSoilAndTheFanCoolsTheAir() {
        Greenhouse dry = new Greenhouse(40, 22);
        Greenhouse watered = new Greenhouse(40, 22);
        for (int i = 0; i < 60; i++) {
            dry.step(60, false, 0, 0);
            watered.step(60, true, 100, 90);
        }
        assertEquals(10, dry.moisture(), 0.01, "30 % an hour drier");
        assertTrue(watered.moisture() > 99, "watered for an hour: " + watered.moisture());
        assertTrue(watered.airCelsius() < dry.airCelsius() - 8, dry.airCelsius() + " / " + watered.airCelsius());
    }
}
