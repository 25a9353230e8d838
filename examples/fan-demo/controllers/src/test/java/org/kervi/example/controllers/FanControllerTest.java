package org.kervi.example.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kervi.api.actions.ActionContext;
import org.kervi.api.components.ComponentContext;

class FanControllerTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ComponentContext context = new ComponentContext() {
        @Override
        public ScheduledExecutorService scheduler() {
            return scheduler;
        }

        @Override
        public String instanceId() {
            return "test";
        }
    };

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

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
        fan.start(context);
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
    }

    @Test
    void boostRunsAtTheCapUntilInterruptedThenFollowsTheFormulaAgain() throws Exception {
        FanController fan = new FanController();
        fan.start(context);
        fan.temp.setFromOutside(40);
        fan.boostTime.setFromOutside(3600);
        fan.activate(true);
        CountDownLatch atTheCap = new CountDownLatch(1);
        fan.fanSpeed.addListener(change -> {
            if (change.current() == 100.0) {
                atTheCap.countDown();
            }
        });
        CompletableFuture<Double> run = new CompletableFuture<>();
        ManualRun boost = new ManualRun();
        new Thread(() -> run.complete(fan.boostRun(boost))).start();
        assertTrue(atTheCap.await(10, TimeUnit.SECONDS), "boost runs at the cap");
        assertTrue(fan.boosting.get());
        boost.interrupt();
        assertTrue(run.get(10, TimeUnit.SECONDS) < 60, "the interrupt ended the boost early");
        assertFalse(fan.boosting.get());
        assertEquals(50.0, fan.fanSpeed.get(), "back to the formula");
    }

    /** A run that ends when the test interrupts it. */
    private static final class ManualRun implements ActionContext {
        private final CountDownLatch interrupted = new CountDownLatch(1);

        void interrupt() {
            interrupted.countDown();
        }

        @Override
        public String actionId() {
            return "fan_controller.boost_run";
        }

        @Override
        public String runId() {
            return "fan_controller.boost_run#test-1";
        }

        @Override
        public boolean isInterrupted() {
            return interrupted.getCount() == 0;
        }

        @Override
        public boolean awaitInterrupt(Duration timeout) {
            try {
                return interrupted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }
}
