package org.kervi.example.greenhouse.actuators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClimateRulesTest {

    @Test
    void thePumpKeepsItsStateBetweenTheThresholds() {
        assertTrue(Watering.pumpOn(false, 29, 30, 45));
        assertTrue(Watering.pumpOn(true, 40, 30, 45), "still watering between 30 and 45 %");
        assertFalse(Watering.pumpOn(false, 40, 30, 45), "not yet watering between 30 and 45 %");
        assertFalse(Watering.pumpOn(true, 46, 30, 45));
    }

    @Test
    void ventingGrowsInProportionAboveTheSetpoint() {
        assertEquals(0, Venting.share(25, 26, 32));
        assertEquals(0.5, Venting.share(29, 26, 32), 1e-9);
        assertEquals(1, Venting.share(40, 26, 32));
        assertEquals(1, Venting.share(26, 26, 26), "no band: all or nothing");
    }
}
