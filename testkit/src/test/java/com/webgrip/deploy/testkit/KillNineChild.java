package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.journal.Journal;
import com.webgrip.deploy.core.journal.JournalEntry;
import com.webgrip.deploy.core.journal.JournalException;
import com.webgrip.deploy.core.journal.JsonLinesJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The process that {@link KillNineTest} kills: it runs the platform plan on a simulated cluster kept in a file, with
 * a journal file, and after a given number of journal appends says PAUSED and waits to be killed.
 */
public final class KillNineChild {

    private KillNineChild() {}

    /**
     * Runs the plan.
     *
     * @param args the cluster state file, the journal file, and the append after which to pause
     * @throws Exception when anything fails
     */
    public static void main(String[] args) throws Exception {
        Path stateFile = Path.of(args[0]);
        JsonLinesJournal journal = JsonLinesJournal.at(Path.of(args[1]));
        int pauseAfter = Integer.parseInt(args[2]);
        VirtualTime time = VirtualTime.create();
        SimulatedCluster cluster = SimulatedCluster.persistedAt(stateFile, time.clock());
        if (!Files.exists(stateFile)) {
            KillNineTest.script(cluster);
        }
        SimulatedDeployment deployment = SimulatedDeployment.of(time, cluster);
        Journal pausing = new Journal() {
            private int appends;

            @Override
            public void append(JournalEntry entry) throws JournalException {
                journal.append(entry);
                if (++appends == pauseAfter) {
                    System.out.println("PAUSED after " + entry.type() + " " + entry.chart());
                    System.out.flush();
                    while (true) {
                        try {
                            Thread.sleep(60_000); // killed here by the test; never wakes in practice
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }

            @Override
            public List<JournalEntry> entries() throws JournalException {
                return journal.entries();
            }
        };
        deployment.finish(deployment.executor().build().start(Platforms.plan(), pausing));
        System.out.println("FINISHED without pausing");
    }
}
