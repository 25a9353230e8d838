package org.kervi.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: gives each test method (or its {@code @BeforeEach} method) that asks for a {@link KerviTestRuntime}
 * a fresh one with the defaults, closed when the test ends.
 *
 * <pre>{@code
 * @ExtendWith(KerviExtension.class)
 * class FanControllerTest {
 *     @Test
 *     void followsTheLoad(KerviTestRuntime kervi) { ... }
 * }
 * }</pre>
 */
public final class KerviExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KerviExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KerviTestRuntime.class;
    }

    /** One runtime per test: a {@code @BeforeEach} and the test method that both ask get the same one. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(KerviTestRuntime.class, k -> new Closing(
                KerviTestRuntime.create()), Closing.class).runtime;
    }

    private record Closing(KerviTestRuntime runtime) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            runtime.close();
        }
    }
}
