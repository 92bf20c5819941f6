package dev.casekeeper.workspace;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseFilter;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.Handover;
import dev.casekeeper.cases.HandoverDrafts;
import dev.casekeeper.cases.OwnerChange;
import dev.casekeeper.cases.TimelineLines;
import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.SelfField;
import dev.casekeeper.shared.Actor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Gathers the case page from the facades: the case, its customer, names, history and choices. */
@Component
class CasePages {

    private static final int OTHER_CASES = 10;

    private final CaseLookup cases;
    private final CustomerManagement customers;
    private final AgentManagement agents;
    private final CaseLists lists;
    private final HandoverDrafts drafts;
    private final HandoverDismissals dismissals;
    private final MessageSource messages;
    private final TimelineLines lines;

    CasePages(
            CaseLookup cases,
            CustomerManagement customers,
            AgentManagement agents,
            CaseLists lists,
            HandoverDrafts drafts,
            HandoverDismissals dismissals,
            MessageSource messages,
            TimelineLines lines) {
        this.cases = cases;
        this.customers = customers;
        this.agents = agents;
        this.lists = lists;
        this.drafts = drafts;
        this.dismissals = dismissals;
        this.messages = messages;
        this.lines = lines;
    }

    CaseDetail detail(long number, SignedInAgent me) {
        return cases.findByNumber(number, me);
    }

    CasePageModel page(long number, SignedInAgent me) {
        return page(detail(number, me), me);
    }

    CasePageModel page(CaseDetail detail, SignedInAgent me) {
        var kase = detail.summary();
        var requester = customers.find(kase.requesterId());
        var owners = detail.owners();
        var allAgents = agents.list();
        Map<AgentId, String> names = allAgents.stream().collect(Collectors.toMap(Agent::id, Agent::name));
        Map<TeamId, String> teamNames = agents.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
        Function<@Nullable AgentId, @Nullable String> name = id -> id == null ? null : names.get(id);

        var locale = LocaleContextHolder.getLocale();
        var timeline = detail.timeline().stream()
                .map(entry -> new TimelineItem(
                        entry.id(),
                        entry.kind(),
                        entry.author().kind(),
                        author(entry.author(), requester, names),
                        entry.bodyText(),
                        entry.bodyHtml(),
                        entry.kind() == EntryKind.EVENT
                                ? lines.line(entry, author(entry.author(), requester, names), locale)
                                : null,
                        entry.facts(),
                        entry.createdAt(),
                        entry.delivery()))
                .toList();
        var handover = handover(detail.handover(), names, teamNames);
        boolean mine = me.id().equals(kase.ownerId());
        boolean banner = detail.handover() != null
                && receives(detail.handover(), kase.ownerId(), me)
                && !dismissals.dismissed(me.id(), kase.id(), detail.handover().at());
        var history =
                owners.stream().map(step -> ownerStep(step, names, teamNames)).toList();
        var others = cases
                .list(new CaseFilter(null, null, null, null, kase.requesterId(), null), me, null, OTHER_CASES + 1)
                .items()
                .stream()
                .filter(other -> !other.id().equals(kase.id()))
                .limit(OTHER_CASES)
                .toList();
        var statuses = Stream.concat(Stream.of(kase.status()), kase.status().next().stream())
                .distinct()
                .sorted()
                .toList();
        return new CasePageModel(
                kase,
                requester,
                name.apply(kase.ownerId()),
                kase.teamId() == null ? null : teamNames.get(kase.teamId()),
                mine,
                kase.ownerId() == null || mine || me.role().seesAllTeams(),
                timeline,
                handover,
                banner,
                history,
                lists.rows(others, me),
                fields(requester),
                allAgents.stream().filter(Agent::active).toList(),
                agents.teams(),
                statuses,
                drafts.draft(detail, requester));
    }

    /** The receiving owner, or while it waits unowned in a team's queue, that team's members. */
    private static boolean receives(Handover handover, @Nullable AgentId owner, SignedInAgent me) {
        if (owner != null) {
            return owner.equals(me.id());
        }
        return handover.toTeamId() != null && me.teamIds().contains(handover.toTeamId());
    }

    private String author(Actor author, Customer requester, Map<AgentId, String> names) {
        return switch (author.kind()) {
            case CUSTOMER ->
                requester.id().value().equals(author.id()) ? requester.displayName() : text("author.customer");
            case AGENT ->
                author.id() == null
                        ? text("author.agent")
                        : names.getOrDefault(new AgentId(author.id()), text("author.agent"));
            case SYSTEM -> text("author.system");
        };
    }

    private @Nullable HandoverView handover(
            @Nullable Handover h, Map<AgentId, String> names, Map<TeamId, String> teams) {
        if (h == null) {
            return null;
        }
        String to = h.toAgentId() != null
                ? names.getOrDefault(h.toAgentId(), text("author.agent"))
                : h.toTeamId() == null ? "" : teams.getOrDefault(h.toTeamId(), "");
        return new HandoverView(
                h.fromOwnerId() == null ? null : names.get(h.fromOwnerId()),
                to,
                h.transferredBy() == null ? null : names.get(h.transferredBy()),
                h.reason(),
                h.summary(),
                h.at());
    }

    private OwnerStep ownerStep(OwnerChange step, Map<AgentId, String> names, Map<TeamId, String> teams) {
        String to = step.toOwnerId() != null
                ? names.getOrDefault(step.toOwnerId(), text("author.agent"))
                : step.toTeamId() == null ? "" : teams.getOrDefault(step.toTeamId(), "");
        return new OwnerStep(
                "transferred".equals(step.type()),
                step.fromOwnerId() == null ? null : names.get(step.fromOwnerId()),
                to,
                step.by().id() == null ? null : names.get(new AgentId(step.by().id())),
                step.reason(),
                step.at());
    }

    private static List<ProfileField> fields(Customer customer) {
        return Arrays.stream(SelfField.values())
                .map(field -> {
                    var declared = customer.fields().get(field.key());
                    return new ProfileField(
                            field.key(),
                            declared == null ? null : declared.value(),
                            declared != null && declared.declaredByCustomer(),
                            declared == null ? null : declared.setBy().value(),
                            declared == null ? null : declared.setAt());
                })
                .toList();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
