package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.journal.Journal;
import com.webgrip.deploy.core.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;

/** A journal kept in memory, for tests that resume a run in the same process. */
public final class InMemoryJournal implements Journal {

    private final List<JournalEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(JournalEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }
}
