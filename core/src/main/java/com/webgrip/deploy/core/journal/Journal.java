package com.webgrip.deploy.core.journal;

import java.util.List;

/**
 * Where a run records every decision and state change before acting on it. {@link JsonLinesJournal} appends JSON
 * lines to a file and forces them to disk; after a crash its entries let {@code resume} continue or roll back.
 */
public interface Journal {

    /** A journal that keeps nothing, for dry runs and for callers who accept that a crash loses track. */
    Journal NONE = new Journal() {
        @Override
        public void append(JournalEntry entry) {}

        @Override
        public List<JournalEntry> entries() {
            return List.of();
        }
    };

    /**
     * Appends an entry and returns only once it is durable.
     *
     * @param entry the entry
     * @throws JournalException when it could not be written; the run must then stop
     */
    void append(JournalEntry entry) throws JournalException;

    /**
     * Every entry, oldest first.
     *
     * @return the entries
     * @throws JournalException when the journal could not be read
     */
    List<JournalEntry> entries() throws JournalException;
}
