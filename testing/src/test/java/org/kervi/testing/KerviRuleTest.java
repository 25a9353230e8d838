package org.kervi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
import org.kervi.api.values.NumberValue;

/** The JUnit 4 rule, run as JUnit 4 runs a rule (this build's platform has no JUnit 4 engine). */
class KerviRuleTest {
    private final KerviRule rule = new KerviRule();

    @Test
    void aTestGetsAnOpenRuntimeThatIsClosedAfterIt() throws Throwable {
        AtomicReference<KerviTestRuntime> seen = new AtomicReference<>();

        rule.apply(new Statement() {
            @Override
            public void evaluate() {
                KerviTestRuntime kervi = rule.runtime();
                seen.set(kervi);
                kervi.addValue(new NumberValue("room", "Room"));
                kervi.set("room", 21);
                assertEquals(21.0, kervi.number("room"));
                assertFalse(kervi.scheduler().isShutdown());
            }
        }, Description.createTestDescription(KerviRuleTest.class, "inner")).evaluate();

        assertTrue(seen.get().scheduler().isShutdown(), "closed after the test");
        IllegalStateException outside = assertThrows(IllegalStateException.class, rule::runtime);
        assertTrue(outside.getMessage().contains("only while a test runs"), outside.getMessage());
    }

    @Test
    void aFailingTestStillClosesItsRuntime() {
        AtomicReference<KerviTestRuntime> seen = new AtomicReference<>();

        AssertionError failure = assertThrows(AssertionError.class, () -> rule.apply(new Statement() {
            @Override
            public void evaluate() {
                seen.set(rule.runtime());
                throw new AssertionError("the module's assertion");
            }
        }, Description.createTestDescription(KerviRuleTest.class, "inner")).evaluate());

        assertEquals("the module's assertion", failure.getMessage());
        assertTrue(seen.get().scheduler().isShutdown());
    }
}
