package com.webgrip.deploy.benchmarks;

import com.webgrip.deploy.core.deploy.ChartRef;
import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.journal.Journal;
import com.webgrip.deploy.core.run.RunOutcome;
import com.webgrip.deploy.core.run.RunPlan;
import com.webgrip.deploy.core.run.RunResult;
import com.webgrip.deploy.core.run.RunStep;
import com.webgrip.deploy.testkit.InMemoryJournal;
import com.webgrip.deploy.testkit.SimulatedDeployment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A plan of 1,000 steps (20 waves of 50) on the simulated cluster in virtual time: each release becomes Current after
 * a seeded 5 to 60 seconds, polled every 5 s, with the standard policy, so one run makes about 1,000 deploys, 5,000
 * health observations and policy decisions, 5,000 journal appends and several thousand scheduled tasks. Measures the
 * wall time of a whole run; run with {@code -prof gc} for the allocation (divide by 1,000 for a step).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExecutorBenchmark {

    @Param({"1000"})
    int steps;

    @Param({"memory", "none"})
    String journal;

    private RunPlan plan;
    private int[] readySeconds;

    @Setup
    public void plan() {
        Random random = new Random(42);
        readySeconds = new int[steps];
        List<List<RunStep>> waves = new ArrayList<>();
        List<RunStep> wave = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            readySeconds[i] = 5 + random.nextInt(56);
            String release = "release-" + i;
            wave.add(new RunStep(
                    String.format("%04d-%s", i, release),
                    ReleaseRef.of(release, "ns-" + (i % 20)),
                    new ChartRef(release, "1.0.0", Optional.empty()),
                    () -> Map.of("replicaCount", 2),
                    Duration.ofMinutes(5),
                    List.of(),
                    Optional.empty()));
            if (wave.size() == 50) {
                waves.add(wave);
                wave = new ArrayList<>();
            }
        }
        if (!wave.isEmpty()) {
            waves.add(wave);
        }
        plan = RunPlan.of("benchmark", waves);
    }

    @Benchmark
    public RunResult runThousandSteps() {
        SimulatedDeployment deployment = SimulatedDeployment.create();
        for (int i = 0; i < steps; i++) {
            deployment.cluster().release("release-" + i).readyAfter(Duration.ofSeconds(readySeconds[i]));
        }
        RunResult result = deployment
                .time()
                .runUntilDone(deployment
                        .executor()
                        .maxParallel(50)
                        .build()
                        .start(plan, journal.equals("none") ? Journal.NONE : new InMemoryJournal())
                        .result());
        if (result.outcome() != RunOutcome.SUCCEEDED) {
            throw new IllegalStateException("the benchmark run did not succeed: " + result);
        }
        return result;
    }
}
