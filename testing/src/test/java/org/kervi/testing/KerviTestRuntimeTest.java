package org.kervi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.actions.ActionState;
import org.kervi.api.actions.ActionStateIds;
import org.kervi.api.components.Sensor;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.runtime.ApplicationCode;
import org.kervi.api.runtime.ModuleState;
import org.kervi.api.schedules.Schedule;
import org.kervi.api.schedules.ScheduleInfo;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.ValueRejectedException;

class KerviTestRuntimeTest {
    private final KerviTestRuntime kervi = KerviTestRuntime.create();

    @AfterEach
    void close() {
        kervi.close();
    }

    @Test
    void aControllerReactsOnlyOnceTheApplicationIsReady() {
        NumberValue room = kervi.addValue(new NumberValue("room", "Room"));
        Thermostat thermostat = kervi.add(new Thermostat("room"));

        room.set(15.0);
        assertEquals(15.0, kervi.number("thermostat.temperature"), "the link follows before the app is ready");
        assertEquals(0, thermostat.inputChanges.get(), "no inputChanged before app_main");
        assertFalse(kervi.isReady());

        kervi.appMain();
        kervi.set("room", 18);

        assertTrue(kervi.bool("thermostat.heating"));
        kervi.set("thermostat.target", 17.5);
        assertFalse(kervi.bool("thermostat.heating"), "set returns after inputChanged ran");
        assertEquals(2, thermostat.inputChanges.get());
    }

    @Test
    void badWritesAreRefusedWithTheValuesReason() {
        kervi.add(new Thermostat("room"));

        ValueRejectedException outOfRange = assertThrows(ValueRejectedException.class,
                () -> kervi.set("thermostat.target", 31));
        assertEquals("thermostat.target", outOfRange.valueId());
        assertTrue(outOfRange.getMessage().contains("30"), outOfRange.getMessage());
        assertThrows(ValueRejectedException.class, () -> kervi.set("thermostat.heating", true), "outputs are read-only");
        assertThrows(ValueRejectedException.class, () -> kervi.set("thermostat.target", "warm"));
        assertEquals(20.0, kervi.number("thermostat.target"), "a refused write changes nothing");

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> kervi.get("thermostat.x"));
        assertTrue(unknown.getMessage().contains("no value 'thermostat.x'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("thermostat.target"), "lists the known ids: " + unknown.getMessage());
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> kervi.number("thermostat.heating"));
        assertTrue(notANumber.getMessage().contains("not a number"), notANumber.getMessage());
    }

    @Test
    void aRefusedComponentFailsTheAddWithTheCoresReason() {
        kervi.add(new Thermostat("room"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kervi.add(new Thermostat("room")));

        assertTrue(e.getMessage().startsWith("controller thermostat was refused: ")
                && e.getMessage().contains("is already used by component 'thermostat'"), e.getMessage());
    }

    @Test
    void actionsAnswerWithTheirResultOrTheCoresError() {
        kervi.add(new Thermostat("room"));
        kervi.appMain();

        assertEquals(22.5, kervi.call("thermostat.raise", 2.5));
        assertEquals(22.5, kervi.number("thermostat.target"));
        assertEquals(23.5, kervi.call("thermostat.raise", "1"), "arguments as typed in the shell");

        ActionException failed = assertThrows(ActionException.class, () -> kervi.call("thermostat.calibrate"));
        assertEquals(ActionError.FAILED, failed.error());
        assertTrue(failed.getMessage().contains("probe not found"), failed.getMessage());
        assertEquals(ActionError.BAD_ARGUMENTS,
                assertThrows(ActionException.class, () -> kervi.call("thermostat.raise", "lots")).error());
        assertEquals(ActionError.UNKNOWN_ID,
                assertThrows(ActionException.class, () -> kervi.call("thermostat.lower", 1)).error());
    }

    @Test
    void aLongActionStartsAsynchronouslyAndIsInterrupted() {
        Pump pump = kervi.add(new Pump());
        kervi.appMain();

        ActionRun run = kervi.start("pump.run", 40);
        assertEquals(ActionState.RUNNING, kervi.awaitStarted(run));
        assertEquals(ActionState.RUNNING, kervi.status("pump.run").state());
        assertEquals("running", kervi.get(ActionStateIds.state("pump.run")), "the state is a value as well");

        assertEquals(1, kervi.interrupt("pump.run"));

        ActionException interrupted = assertThrows(ActionException.class, () -> kervi.result(run));
        assertEquals(ActionError.INTERRUPTED, interrupted.error());
        assertFalse(pump.motorOn, "the run's result came after its method ended");
        assertEquals(ActionState.INTERRUPTED, kervi.status("pump.run").state());
        assertEquals(0, kervi.interrupt("pump.run"), "nothing left to interrupt");
        assertEquals(ActionError.UNKNOWN_ID,
                assertThrows(ActionException.class, () -> kervi.status("pump.stop")).error());
    }

    @Test
    void anActionLinkStartsTheActionWhenItsValueMeetsTheTrigger() {
        Pump pump = kervi.add(new Pump());
        NumberValue level = kervi.addValue(new NumberValue("tank_level", "Tank"));
        kervi.appMain();
        kervi.actionLinks().when("tank_level").above(80).start("pump.run").withParameters(30).id("drain").register();

        level.set(70.0);
        assertEquals(ActionState.IDLE, kervi.status("pump.run").state());
        kervi.set("tank_level", 85);
        kervi.awaitValue(ActionStateIds.state("pump.run"), "running");
        assertEquals(1, kervi.actionLinks().links().get(0).starts());

        assertEquals(1, kervi.interrupt("pump.run"));
        kervi.awaitValue(ActionStateIds.state("pump.run"), "interrupted");
        assertFalse(pump.motorOn);
    }

    @Test
    void aValueEnteringAWarningRangeIsInTheUserLog() {
        NumberValue tank = kervi.addValue(new NumberValue("tank_level", "Tank"));
        tank.addWarningRange(80, 90, "tank nearly full");
        kervi.set("tank_level", 50);
        assertTrue(kervi.userLog().messages().isEmpty(), "a first value in no range logs nothing");

        kervi.set("tank_level", 85);

        List<String> messages = kervi.userLog().messages();
        assertEquals(List.of(UserLogLevel.WARNING),
                kervi.userLog().entries().stream().map(UserLogEntry::level).toList(), messages.toString());
        assertTrue(messages.get(0).contains("tank nearly full"), messages.toString());
    }

    @Test
    void awaitValueNamesTheValueWhenItNeverComes() {
        kervi.addValue(new NumberValue("tank_level", "Tank")).set(1.0);
        KerviTestRuntime quick = KerviTestRuntime.builder().actionTimeout(Duration.ofMillis(200)).build();
        try (quick) {
            quick.addValue(new NumberValue("tank_level", "Tank")).set(1.0);
            kervi.awaitValue("tank_level", 1);
            AssertionError never = assertThrows(AssertionError.class, () -> quick.awaitValue("tank_level", 2));
            assertTrue(never.getMessage().contains("'tank_level' did not become 2 within 200 ms; it is 1.0"),
                    never.getMessage());
        }
    }

    @Test
    void aStartedRunsResultIsAwaited() {
        kervi.add(new Thermostat("room"));
        kervi.appMain();

        ActionRun run = kervi.start("thermostat.raise", 1);

        assertEquals(21.0, kervi.result(run));
        assertEquals(ActionState.SUCCEEDED, kervi.awaitStarted(run), "an ended run has begun too");
    }

    @Test
    void aScheduledActionRunsWhenTheTestsTimeReachesIt() {
        kervi.add(new Thermostat("room"));
        kervi.appMain();
        kervi.schedule("morning", Schedule.every().day().at("06:30"), "thermostat.raise", 1);

        kervi.advance(Duration.ofMinutes(6 * 60 + 29));
        kervi.awaitScheduledRuns();
        assertEquals(20.0, kervi.number("thermostat.target"), "06:29: not yet");
        kervi.advance(Duration.ofMinutes(1));
        kervi.awaitScheduledRuns();
        assertEquals(21.0, kervi.number("thermostat.target"), "06:30: raised once");
        kervi.advance(Duration.ofDays(2));
        kervi.awaitScheduledRuns();

        assertEquals(23.0, kervi.number("thermostat.target"), "and once on each of the next two mornings");
        ScheduleInfo morning = kervi.schedules().schedule("morning").orElseThrow();
        assertEquals(Instant.parse("2026-01-03T06:30:00Z"), morning.lastFire());
        assertEquals("ok", morning.lastResult());
    }

    @Test
    void schedulesKeepTheRuntimesZoneAndCloseWithTheirRegistration() {
        try (KerviTestRuntime oslo = KerviTestRuntime.builder().zone(ZoneId.of("Europe/Oslo"))
                .startingAt(Instant.parse("2026-06-01T00:00:00Z")).build()) {
            oslo.add(new Thermostat("room"));
            oslo.appMain();
            Registration morning = oslo.schedule("morning", Schedule.every().day().at("06:30"), "thermostat.raise", 2);

            oslo.advance(Duration.ofHours(4).plusMinutes(30));
            oslo.awaitScheduledRuns();
            assertEquals(22.0, oslo.number("thermostat.target"), "06:30 in Oslo is 04:30 UTC in summer");

            morning.close();
            oslo.advance(Duration.ofDays(3));
            oslo.awaitScheduledRuns();
            assertEquals(22.0, oslo.number("thermostat.target"), "a closed schedule fires no more");
        }
    }

    @Test
    void sensorsPollAtAppMainOnDemandAndAsTimeAdvances() {
        ScriptedDriver driver = new ScriptedDriver(21).unit("°C").range(-40, 125);
        Sensor probe = kervi.add(new Sensor("probe", "Probe", driver).pollInterval(Duration.ofSeconds(10)));
        ValueRecorder readings = kervi.record("probe");
        assertEquals(0, driver.readCount(), "a sensor does not poll before the application is ready");

        kervi.appMain();
        assertEquals(List.of(21.0), readings.values(), "the first poll runs when the sensor starts");

        driver.then(22, 23);
        kervi.poll("probe");
        assertEquals(22.0, kervi.number("probe"));
        kervi.advance(Duration.ofSeconds(9));
        assertEquals(2, driver.readCount(), "the next regular poll is 10 s after the first");
        kervi.advance(Duration.ofSeconds(21));
        assertEquals(List.of(21.0, 22.0, 23.0, 23.0, 23.0), readings.values(), "polls at 10, 20 and 30 s; the last"
                + " queued reading repeats");
        assertEquals(5, driver.readCount());
        assertEquals("°C", probe.value().unit());
    }

    @Test
    void aFailingDriverShowsOnTheSensorAndBacksOffInTestTime() {
        ScriptedDriver driver = new ScriptedDriver(5);
        Sensor probe = kervi.add(new Sensor("probe", "Probe", driver));
        kervi.appMain();

        driver.failsWith(new HardwareException(HardwareException.Kind.BUS_ERROR, "no answer at 0x48"));
        kervi.advance(Duration.ofSeconds(1));
        assertEquals("BUS_ERROR: no answer at 0x48", probe.lastError());
        kervi.advance(Duration.ofSeconds(1));
        assertEquals(2, driver.readCount(), "after one failure the next poll waits 2 intervals");
        kervi.advance(Duration.ofSeconds(1));
        assertEquals(3, driver.readCount());

        driver.reads(6);
        kervi.advance(Duration.ofSeconds(4));
        assertEquals(6.0, kervi.number("probe"));
        assertEquals(null, probe.lastError());
    }

    @Test
    void appMainAndAppExitRunTheApplicationsCodeInKervisOrder() {
        List<String> calls = new ArrayList<>();
        Sensor probe = kervi.add(new Sensor("probe", "Probe", new ScriptedDriver(1)));
        kervi.addApplicationCode(new ApplicationCode() {
            @Override
            public void appMain() {
                calls.add("appMain, probe started: " + probe.isStarted());
            }

            @Override
            public void moduleLost(String module, ModuleState state) {
                calls.add("lost " + module + " " + state.key());
            }

            @Override
            public void moduleReady(String module) {
                calls.add("ready " + module);
            }

            @Override
            public void appExit() {
                calls.add("appExit, probe started: " + probe.isStarted());
            }
        });
        kervi.add(new KerviStyleApp(calls));

        kervi.appMain();
        kervi.moduleLost("sensors", ModuleState.RESTARTING);
        kervi.moduleReady("sensors");
        kervi.appExit();

        assertEquals(List.of("appMain, probe started: true", "app_main action", "lost sensors restarting",
                "ready sensors", "appExit, probe started: true", "app_exit action"), calls);
        assertFalse(probe.isStarted(), "components stop after app_exit");
        IllegalStateException again = assertThrows(IllegalStateException.class, kervi::appMain);
        assertTrue(again.getMessage().contains("ran already"), again.getMessage());
    }

    @Test
    void failingAppCodeFailsTheTestWithItsName() {
        kervi.addApplicationCode(new ApplicationCode() {
            @Override
            public void appMain() throws Exception {
                throw new java.io.IOException("config missing");
            }
        });

        IllegalStateException e = assertThrows(IllegalStateException.class, kervi::appMain);

        assertTrue(e.getMessage().startsWith("app_main of ") && e.getMessage().contains("config missing"),
                e.getMessage());
        assertTrue(e.getCause() instanceof java.io.IOException);
    }

    @Test
    void appExitBeforeAppMainSaysSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, kervi::appExit);
        assertTrue(e.getMessage().contains("call appMain() first"), e.getMessage());
    }

    @Test
    void aModulesDsComponentIsConstructedByHandWithTheRuntimesServices() {
        kervi.add(new Thermostat("room"));
        RaiseOnStart app = kervi.addApplicationCode(new RaiseOnStart(kervi.actions(), kervi.registry()));

        kervi.appMain();

        assertEquals(23.0, kervi.number("thermostat.target"));
        assertEquals("test", app.instanceId);
    }

    @Test
    void closingStopsComponentsAndFailsNothingSilently() {
        Sensor probe = kervi.add(new Sensor("probe", "Probe", new ScriptedDriver(1)));
        kervi.appMain();

        kervi.close();

        assertFalse(probe.isStarted());
        assertTrue(kervi.scheduler().isShutdown());
        assertThrows(IllegalArgumentException.class, () -> kervi.get("probe"), "its values left with it");
    }
}
