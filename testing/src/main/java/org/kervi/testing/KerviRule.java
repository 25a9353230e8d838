package org.kervi.testing;

import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * JUnit 4: a fresh {@link KerviTestRuntime} for each test, closed after it.
 *
 * <pre>{@code
 * @Rule public final KerviRule kervi = new KerviRule();
 *
 * @Test public void followsTheLoad() { kervi.runtime().add(new FanController()); ... }
 * }</pre>
 */
public final class KerviRule implements TestRule {
    private volatile KerviTestRuntime runtime;

    /** The runtime of the test that runs now. */
    public KerviTestRuntime runtime() {
        KerviTestRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("a KerviRule's runtime exists only while a test runs");
        }
        return current;
    }

    @Override
    public Statement apply(Statement test, Description description) {
        return new Statement() {
            @Override
            public void evaluate() throws Throwable {
                try (KerviTestRuntime fresh = KerviTestRuntime.create()) {
                    runtime = fresh;
                    test.evaluate();
                } finally {
                    runtime = null;
                }
            }
        };
    }
}
