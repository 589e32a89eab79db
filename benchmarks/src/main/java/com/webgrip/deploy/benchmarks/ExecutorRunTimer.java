package com.webgrip.deploy.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs {@link ExecutorBenchmark}'s 1,000-step plan repeatedly and prints wall time and the calling thread's CPU time
 * per run. In virtual time every task runs on the calling thread, so its CPU time is the run's CPU cost, a figure that
 * a loaded machine distorts far less than wall time.
 *
 * <p>{@code java -cp ... com.webgrip.deploy.benchmarks.ExecutorRunTimer [warmups] [runs]}
 */
public final class ExecutorRunTimer {

    private ExecutorRunTimer() {}

    /**
     * Runs and prints.
     *
     * @param args warm-up runs and measured runs (default 10 and 20)
     */
    public static void main(String[] args) {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ExecutorBenchmark benchmark = new ExecutorBenchmark();
        benchmark.steps = 1000;
        benchmark.journal = "memory";
        benchmark.plan();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmups; i++) {
            benchmark.runThousandSteps();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            benchmark.runThousandSteps();
            wall[i] = (System.nanoTime() - wallStart) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "1000-step run, %d runs after %d warm-ups: wall median %.1f ms (min %.1f, max %.1f);"
                        + " CPU median %.1f ms (min %.1f, max %.1f)%n",
                runs,
                warmups,
                wall[runs / 2],
                wall[0],
                wall[runs - 1],
                cpu[runs / 2],
                cpu[0],
                cpu[runs - 1]);
    }
}
