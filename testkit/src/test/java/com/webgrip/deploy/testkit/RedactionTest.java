package com.webgrip.deploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.deploy.DeployException;
import com.webgrip.deploy.core.deploy.DeployRequest;
import com.webgrip.deploy.core.deploy.Deployer;
import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.health.HealthCheck;
import com.webgrip.deploy.core.run.PlanExecutor;
import com.webgrip.deploy.core.run.RunEvent;
import com.webgrip.deploy.core.run.RunOutcome;
import com.webgrip.deploy.core.run.RunPlan;
import com.webgrip.deploy.core.run.RunStep;
import com.webgrip.deploy.core.run.StepValues;
import com.webgrip.deploy.helm.release.Release;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Error text from a deployer is untrusted: the step's secret values never reach the journal, events or result. */
class RedactionTest {

    private static final String SECRET = "pa55-w0rd-from-sops";

    @Test
    void aSecretInADeployersErrorIsMaskedInTheJournalTheEventsAndTheResult() {
        Deployer echoing = new Deployer() {
            @Override
            public Release upgradeOrInstall(DeployRequest request) throws DeployException {
                Object password = ((Map<?, ?>) request.values().get("db")).get("password");
                throw new DeployException(
                        DeployException.Kind.REJECTED,
                        "Secret \"db\" is invalid: data.password: Invalid value: \"" + password + "\" (ENC[AES256_GCM,"
                                + "data:Zm9v,type:str])");
            }

            @Override
            public Release rollback(ReleaseRef release, int toRevision, Duration timeout) throws DeployException {
                throw new DeployException(DeployException.Kind.REJECTED, "rollback failed for " + SECRET);
            }

            @Override
            public List<Release> history(ReleaseRef release) {
                return List.of();
            }

            @Override
            public void uninstall(ReleaseRef release, Duration timeout) {}
        };
        StepValues values = new StepValues() {
            @Override
            public Map<String, Object> resolve() {
                return Map.of("db", Map.of("password", SECRET, "host", "db.internal"));
            }

            @Override
            public Set<String> secretValues(Map<String, Object> resolved) {
                return Set.of(SECRET);
            }
        };
        SimulatedDeployment deployment = SimulatedDeployment.create();
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        InMemoryJournal journal = new InMemoryJournal();
        HealthCheck notCalled = target -> {
            throw new AssertionError("nothing was deployed");
        };
        PlanExecutor executor = PlanExecutor.builder(echoing, notCalled)
                .scheduler(deployment.time())
                .blockingExecutor(deployment.time())
                .clock(deployment.time().clock())
                .retries(1, Duration.ofSeconds(1), 1)
                .listener(events::add)
                .build();
        RunPlan plan = RunPlan.of(
                "production", List.of(List.of(RunStep.of("010-db", "db", "data").withValues(values))));

        SimulatedRun run = deployment.finish(executor.start(plan, journal));

        assertThat(run.result().outcome()).isNotEqualTo(RunOutcome.SUCCEEDED);
        String reason = run.result().step("010-db").reason();
        assertThat(reason).contains("Invalid value: \"[redacted]\"").doesNotContain(SECRET, "Zm9v");
        assertThat(journal.entries())
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.reason() + entry.value()).doesNotContain(SECRET, "Zm9v"));
        assertThat(events)
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.toString()).doesNotContain(SECRET, "Zm9v"));
    }
}
