package dev.casekeeper.followups;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The customer wrote again soon after an earlier case was solved: on {@code caseId} (a new case, or
 * the earlier one reopened), counted against who solved it. As an agent sees it: when the earlier
 * case is one they may not open (another team's), it is only said to exist, solved on which day by
 * another team, and its id, number, solver and team are left out.
 */
public record RepeatContact(
        CaseId caseId,
        @Nullable CaseId earlierCaseId,
        @Nullable Long earlierNumber,
        Instant earlierSolvedAt,
        @Nullable AgentId solvedBy,
        @Nullable TeamId team,
        Instant detectedAt) {

    /** The earlier case is another team's, which the viewer may not open. */
    public boolean byAnotherTeam() {
        return earlierCaseId == null;
    }

    /** What may be said of it to someone who may not open the earlier case. */
    RepeatContact withoutEarlierCase() {
        return new RepeatContact(
                caseId, null, null, earlierSolvedAt.truncatedTo(ChronoUnit.DAYS), null, null, detectedAt);
    }
}
