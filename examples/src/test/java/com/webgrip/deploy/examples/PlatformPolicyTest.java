package com.webgrip.deploy.examples;

import static com.webgrip.deploy.testkit.DeployAssertions.assertThat;

import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.platform.Platform;
import com.webgrip.deploy.core.platform.PlatformException;
import com.webgrip.deploy.core.platform.SopsSecrets;
import com.webgrip.deploy.core.policy.Policies;
import com.webgrip.deploy.core.policy.RollbackPolicy;
import com.webgrip.deploy.core.policy.RollbackScope;
import com.webgrip.deploy.core.run.RunOutcome;
import com.webgrip.deploy.core.run.RunPlan;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import com.webgrip.deploy.testkit.SimulatedCluster;
import com.webgrip.deploy.testkit.SimulatedDeployment;
import com.webgrip.deploy.testkit.SimulatedDeploymentExtension;
import com.webgrip.deploy.testkit.SimulatedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How a platform team tests its deployment policies: the real ops tree, secrets decrypted with the demo key, the
 * simulated cluster in virtual time. Each test runs the whole platform in milliseconds.
 */
@ExtendWith(SimulatedDeploymentExtension.class)
class PlatformPolicyTest {

    private static final Path OPS = Path.of("ops");

    /** Our policy: the standard one, and an error rate above 5% for a minute. */
    private static final RollbackPolicy OURS =
            Policies.allOf(Policies.standard(), Policies.onErrorRate(SimulatedCluster.ERROR_RATE, 0.05));

    private static RunPlan staging(RollbackPolicy policy) throws PlatformException, IOException {
        return RunPlan.of(
                Platform.load(OPS)
                        .planner("staging")
                        .decryptWith(SopsSecrets.withIdentityFile(OPS.resolve("demo-age-key.txt")))
                        .rollbackPolicy(policy)
                        .plan(),
                false);
    }

    private static ReleaseRef grafana(SimulatedRun run) {
        var release = run.result().step("060-grafana-stack").release();
        return ReleaseRef.of(release.name(), release.namespace());
    }

    @Test
    void aGrafanaUpgradeThatCrashLoopsGoesBackToTheLastHealthyRevision(SimulatedDeployment deployment)
            throws Exception {
        SimulatedRun first = deployment.run(staging(OURS));
        assertThat(first).succeeded();
        deployment.cluster().release("grafana-stack").crashLoopsAfterUpgrade();

        SimulatedRun second = deployment.run(staging(OURS));

        assertThat(second)
                .hasOutcome(RunOutcome.ROLLED_BACK)
                .rolledBack("060-grafana-stack")
                .toRevision(1)
                .because("CrashLoopBackOff")
                .and()
                .succeeded("010-cert-manager")
                .and()
                .skipped("950-example-services");
        assertThat(deployment.cluster())
                .hasNoPendingRelease()
                .release(grafana(second).name(), grafana(second).namespace())
                .isAt(3, ReleaseStatus.DEPLOYED);
    }

    @Test
    void anErrorBurstOfSevenPercentForTwoMinutesRollsBackTheExampleServices(SimulatedDeployment deployment)
            throws Exception {
        deployment.cluster().release("example-services").errorRateAfterUpgrade(0.07, Duration.ofMinutes(2));

        SimulatedRun run = deployment.run(staging(OURS));

        assertThat(run)
                .hasOutcome(RunOutcome.ROLLED_BACK)
                .rolledBack("950-example-services")
                .because("error-rate 7.00% above 5.00%");
    }

    @Test
    void aShortBurstThatRecoversWithinTheWindowDoesNotRollBack(SimulatedDeployment deployment) throws Exception {
        deployment.cluster().release("example-services").errorRateAfterUpgrade(0.07, Duration.ofSeconds(30));

        assertThat(deployment.run(staging(OURS))).succeeded();
    }

    @Test
    void ifTheIngressLayerFailsTheWholeRunGoesBackInReverseOrder(SimulatedDeployment deployment) throws Exception {
        deployment.cluster().release("ingress-controllers").imagePullFailsAfterUpgrade();
        RollbackPolicy wholeRun = Policies.allOf(
                Policies.onHealthFailure(Duration.ofSeconds(30), 1, RollbackScope.RUN),
                Policies.onWorkloadFailureOf(RollbackScope.RUN));

        SimulatedRun run = deployment.run(staging(wholeRun));

        assertThat(run)
                .hasOutcome(RunOutcome.ROLLED_BACK)
                .rolledBackInOrder(
                        "030-ingress-controllers",
                        "020-cluster-issuers",
                        "060-grafana-stack",
                        "010-cert-manager",
                        "007-cluster-monitoring",
                        "005-tainters");
    }

    @Test
    void aReleaseWeNeverRollBackStaysForAPersonToLookAt(SimulatedDeployment deployment) throws Exception {
        deployment.cluster().release("grafana-stack").oomKilledAfterUpgrade();

        SimulatedRun run = deployment.run(staging(Policies.askPerson()));

        assertThat(run)
                .hasOutcome(RunOutcome.NEEDS_PERSON)
                .failed("060-grafana-stack")
                .because("OOMKilled");
    }
}
