package com.webgrip.deploy.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test a fresh {@link SimulatedDeployment}, and its {@link SimulatedCluster} and
 * {@link VirtualTime}, as parameters.
 *
 * <pre>{@code
 * @ExtendWith(SimulatedDeploymentExtension.class)
 * class GrafanaPolicyTest {
 *     @Test
 *     void rollsBackACrashLoop(SimulatedDeployment deployment, SimulatedCluster cluster) { ... }
 * }
 * }</pre>
 */
public final class SimulatedDeploymentExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SimulatedDeploymentExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SimulatedDeployment.class || type == SimulatedCluster.class || type == VirtualTime.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SimulatedDeployment deployment = context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        context.getUniqueId(), id -> SimulatedDeployment.create(), SimulatedDeployment.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == SimulatedCluster.class) {
            return deployment.cluster();
        }
        if (type == VirtualTime.class) {
            return deployment.time();
        }
        return deployment;
    }
}
