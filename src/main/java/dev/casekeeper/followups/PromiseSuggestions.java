package dev.casekeeper.followups;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.sla.SlaManagement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reads what an agent is writing on a case for a promise with a time, for the composer to offer:
 * its due time in the agent's zone, and "working days" in the calendar of the case's SLA policy
 * (Monday to Friday when none applies). Records nothing.
 */
@Service
public class PromiseSuggestions {

    /** Longer drafts are read up to here: a commitment sits in what the agent is writing now, not in a pasted log. */
    static final int MAX_READ = 20_000;

    private final CaseLookup cases;
    private final SlaManagement sla;
    private final Clock clock;

    PromiseSuggestions(CaseLookup cases, SlaManagement sla, Clock clock) {
        this.cases = cases;
        this.sla = sla;
        this.clock = clock;
    }

    /**
     * The promise {@code text} commits to, if any, on a case the agent can see.
     *
     * @throws dev.casekeeper.shared.NotFoundException when the agent cannot see the case
     */
    public Optional<PromiseSuggestion> suggest(CaseId caseId, String text, ZoneId zone, SignedInAgent viewer) {
        cases.find(caseId, viewer);
        String read = text.length() > MAX_READ ? text.substring(0, MAX_READ) : text;
        var now = clock.instant();
        return CommitmentReader.read(read, now, zone, (from, days) -> sla.closeOfBusinessDayAfter(caseId, from, days));
    }
}
