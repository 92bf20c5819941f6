package dev.casekeeper.workspace;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CasePage;
import dev.casekeeper.cases.CaseSearch;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Snippet;
import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Case lists with names filled in: requesters from {@code customers}, owners and teams from {@code agents}. */
@Component
class CaseLists {

    record ListPage(CasePage page, List<CaseRow> rows) {}

    private final CaseLookup cases;
    private final CustomerManagement customers;
    private final AgentManagement agents;

    CaseLists(CaseLookup cases, CustomerManagement customers, AgentManagement agents) {
        this.cases = cases;
        this.customers = customers;
        this.agents = agents;
    }

    ListPage search(CaseSearch search, SignedInAgent me) {
        var page = cases.search(search, me);
        return new ListPage(page, rows(page.items(), me, page.snippets()));
    }

    /** How many cases each view holds, keyed by the view's name in URLs (as the templates ask). */
    Map<String, Long> counts(SignedInAgent me) {
        var counts = new java.util.LinkedHashMap<String, Long>();
        cases.viewCounts(me).forEach((view, count) -> counts.put(view.key(), count));
        return counts;
    }

    List<CaseRow> rows(List<CaseSummary> summaries, SignedInAgent me) {
        return rows(summaries, me, Map.of());
    }

    private List<CaseRow> rows(List<CaseSummary> summaries, SignedInAgent me, Map<CaseId, Snippet> snippets) {
        var requesters =
                customers
                        .findAll(summaries.stream()
                                .map(CaseSummary::requesterId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(Customer::id, Function.identity()));
        var owners = agents.names(summaries.stream()
                .map(CaseSummary::ownerId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        var teams = agents.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
        return summaries.stream()
                .map(c -> row(c, requesters, owners, teams, me, snippets.get(c.id())))
                .toList();
    }

    private static CaseRow row(
            CaseSummary c,
            Map<CustomerId, Customer> requesters,
            Map<AgentId, String> owners,
            Map<TeamId, String> teams,
            SignedInAgent me,
            @Nullable Snippet snippet) {
        var requester = requesters.get(c.requesterId());
        String email = requester == null
                ? null
                : requester.identities().stream()
                        .filter(i -> i.kind() == IdentityKind.EMAIL)
                        .map(dev.casekeeper.customers.Identity::value)
                        .findFirst()
                        .orElse(null);
        return new CaseRow(
                c.number(),
                c.subject(),
                requester == null ? "" : requester.displayName(),
                email,
                c.status(),
                c.priority(),
                c.channel(),
                c.ownerId() == null ? null : owners.get(c.ownerId()),
                me.id().equals(c.ownerId()),
                c.teamId() == null ? null : teams.get(c.teamId()),
                c.tags(),
                c.updatedAt(),
                c.waitingSince(),
                snippet);
    }
}
