package dev.casekeeper.cases;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.NotFoundException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Who may see a case: supervisors and admins every case; agents the cases of their teams, cases of
 * no team, and the cases they own. A case someone may not see is not found for them, so its
 * existence does not leak.
 */
final class CaseVisibility {

    private CaseVisibility() {}

    static Case visible(@Nullable Case kase, SignedInAgent viewer, CaseId id) {
        if (kase == null || !canSee(kase, viewer)) {
            throw new NotFoundException("Case", id);
        }
        return kase;
    }

    static boolean canSee(Case kase, SignedInAgent viewer) {
        return viewer.role().seesAllTeams()
                || kase.teamId == null
                || viewer.id().value().equals(kase.ownerId)
                || viewer.teamIds().contains(new TeamId(kase.teamId));
    }

    /** The same rule, for queries that list cases. */
    static CaseQueries.Visibility of(SignedInAgent viewer) {
        return new CaseQueries.Visibility(
                viewer.role().seesAllTeams(),
                viewer.id().value(),
                viewer.teamIds().stream().map(TeamId::value).collect(Collectors.toSet()));
    }
}
