package dev.casekeeper.cases;

import java.util.UUID;

/** Where an inbound message landed: the case (new when {@code opened}) and its timeline entry. */
public record Received(CaseSummary summary, UUID entryId, boolean opened) {}
