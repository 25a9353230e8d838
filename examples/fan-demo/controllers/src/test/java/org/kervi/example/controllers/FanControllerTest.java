package org.kervi.example.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.kervi.api.components.ComponentContext;

class FanControllerTest {

    @Test
    void speedFollowsTheSeedsFormula() {
        assertEquals(0, FanController.speedFor(0));
        assertEquals(0, FanController.speedFor(20));
        assertEquals(50, FanController.speedFor(40));
        assertEquals(75, FanController.speedFor(60));
        assertEquals(100, FanController.speedFor(80));
        assertEquals(100, FanController.speedFor(150));
    }

    @Test
    void theLoadReadsWarningFrom75AndErrorFrom90() {
        FanController fan = new FanController();
        fan.temp.set(74.0);
        assertEquals(org.kervi.api.values.RangeLevel.NORMAL, fan.temp.rangeLevel());
        fan.temp.set(75.0);
        assertEquals(org.kervi.api.values.RangeLevel.WARNING, fan.temp.rangeLevel());
        assertEquals("CPU load high", fan.temp.activeRange().message());
        fan.temp.set(90.0);
        assertEquals(org.kervi.api.values.RangeLevel.ERROR, fan.temp.rangeLevel());
    }

    @Test
    void inactiveFanStandsStillAndActivationAppliesTheFormula() {
        FanController fan = new FanController();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            fan.start(new ComponentContext() {
                @Override
                public ScheduledExecutorService scheduler() {
                    return scheduler;
                }

                @Override
                public String instanceId() {
                    return "test";
                }
            });
            fan.temp.setFromOutside(60);
            assertEquals(0.0, fan.fanSpeed.get());
            assertEquals(75.0, fan.activate(true));
            fan.temp.setFromOutside(40);
            assertEquals(50.0, fan.fanSpeed.get());
            fan.maxSpeed.setFromOutside(30);
            assertEquals(30.0, fan.fanSpeed.get(), "max_speed caps the formula");
            fan.boost.setFromOutside(true);
            assertEquals(30.0, fan.fanSpeed.get(), "boost runs at the cap");
            fan.maxSpeed.setFromOutside(100);
            assertEquals(100.0, fan.fanSpeed.get());
            fan.boost.setFromOutside(false);
            assertEquals(50.0, fan.fanSpeed.get());
            assertEquals(0.0, fan.activate(false));
            fan.boost.setFromOutside(true);
            assertEquals(0.0, fan.fanSpeed.get(), "an inactive fan ignores boost");
        } finally {
            scheduler.shutdownNow();
        }
    }
}
