package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.journal.Journal;
import com.webgrip.deploy.core.journal.JournalEntry;
import com.webgrip.deploy.core.journal.JournalException;
import java.util.List;
import java.util.Objects;

/**
 * A journal that simulates a crash at one of its appends: before the entry is written (the action before it happened,
 * this one was never recorded) or after it (recorded, never acted on). From then on every append fails, so the run
 * does nothing more; call {@link VirtualTime#discardPending()} to drop what the dead process had scheduled, then
 * resume from {@link #delegate()}.
 */
public final class CrashingJournal implements Journal {

    /** Thrown by the crashing append and every append after it. */
    public static final class SimulatedCrash extends JournalException {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String message) {
            super(message);
        }
    }

    private final Journal delegate;
    private final int crashAt;
    private final boolean afterWrite;
    private int appends;
    private boolean crashed;
    private Runnable onCrash = () -> {};

    private CrashingJournal(Journal delegate, int crashAt, boolean afterWrite) {
        this.delegate = Objects.requireNonNull(delegate, "delegate required");
        if (crashAt < 1) {
            throw new IllegalArgumentException("appends are counted from 1, found " + crashAt);
        }
        this.crashAt = crashAt;
        this.afterWrite = afterWrite;
    }

    /**
     * Crashes at the given append, before writing it.
     *
     * @param delegate the journal that survives the crash
     * @param append the append that crashes, from 1
     * @return the journal
     */
    public static CrashingJournal beforeWriting(Journal delegate, int append) {
        return new CrashingJournal(delegate, append, false);
    }

    /**
     * Crashes at the given append, right after writing it.
     *
     * @param delegate the journal that survives the crash
     * @param append the append that crashes, from 1
     * @return the journal
     */
    public static CrashingJournal afterWriting(Journal delegate, int append) {
        return new CrashingJournal(delegate, append, true);
    }

    @Override
    public synchronized void append(JournalEntry entry) throws JournalException {
        if (crashed) {
            throw new SimulatedCrash("the process is dead");
        }
        appends++;
        if (appends == crashAt) {
            crashed = true;
            if (afterWrite) {
                delegate.append(entry);
            }
            onCrash.run();
            throw new SimulatedCrash("simulated crash at journal append " + appends + " (" + entry.type() + ")");
        }
        delegate.append(entry);
    }

    /**
     * Runs an action at the crash, such as {@code time::discardPending}, so that nothing the dead process had
     * scheduled runs afterwards.
     *
     * @param action the action
     * @return this journal
     */
    public synchronized CrashingJournal onCrash(Runnable action) {
        this.onCrash = java.util.Objects.requireNonNull(action, "action required");
        return this;
    }

    @Override
    public List<JournalEntry> entries() throws JournalException {
        return delegate.entries();
    }

    /** Returns whether the crash happened. */
    public synchronized boolean crashed() {
        return crashed;
    }

    /** Returns the journal that survives the crash. */
    public Journal delegate() {
        return delegate;
    }
}
