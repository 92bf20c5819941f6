package dev.casekeeper.routing.web;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.HandoverDrafts;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.Participant;
import dev.casekeeper.routing.SupervisorRequest;
import dev.casekeeper.routing.SupervisorRequestManagement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts what the contact panel shows into the model: the live contact, names, the supervisor request, the choices for transfers. */
@Component
class ContactPanels {

    /** An agent on the contact, by name and role. */
    record OnContact(String name, String role, boolean me) {}

    /** A colleague invited and not yet joined. */
    record Invited(String id, String name, Instant at) {}

    /** The case's request for a supervisor as the panel shows it. */
    record RequestView(
            String id,
            boolean open,
            Instant requestedAt,
            @Nullable String takenBy,
            String source) {}

    private final LiveContactManagement liveContacts;
    private final SupervisorRequestManagement requests;
    private final AgentManagement agents;
    private final HandoverDrafts drafts;

    ContactPanels(
            LiveContactManagement liveContacts,
            SupervisorRequestManagement requests,
            AgentManagement agents,
            HandoverDrafts drafts) {
        this.liveContacts = liveContacts;
        this.requests = requests;
        this.agents = agents;
        this.drafts = drafts;
    }

    void fill(CaseDetail detail, SignedInAgent me, Model model) {
        var kase = detail.summary();
        var live = liveContacts.liveContactOfCase(kase.id()).orElse(null);
        model.addAttribute("number", kase.number());
        model.addAttribute("live", live);
        model.addAttribute("accepted", live != null && live.contact().state() == ContactState.ACCEPTED);
        model.addAttribute(
                "transfers",
                detail.timeline().stream()
                        .filter(e -> e.event() instanceof TimelineEvent.Transferred)
                        .count());
        model.addAttribute("hold", live == null ? null : live.hold());
        model.addAttribute("closed", kase.closedAt() != null);
        var ids = new ArrayList<AgentId>();
        if (live != null) {
            live.participants().forEach(p -> ids.add(p.agentId()));
            live.invitations().forEach(i -> ids.add(i.toAgentId()));
        }
        var request = requests.latestOf(kase.id()).orElse(null);
        if (request != null && request.takenBy() != null) {
            ids.add(request.takenBy());
        }
        var names = agents.names(ids);
        model.addAttribute(
                "onContact",
                live == null
                        ? List.of()
                        : live.participants().stream()
                                .map(p -> new OnContact(
                                        names.getOrDefault(p.agentId(), "?"),
                                        p.role(),
                                        p.agentId().equals(me.id())))
                                .toList());
        model.addAttribute(
                "invited",
                live == null
                        ? List.of()
                        : live.invitations().stream()
                                .map(i -> new Invited(
                                        i.id().value().toString(), names.getOrDefault(i.toAgentId(), "?"), i.at()))
                                .toList());
        boolean mine = live != null && me.id().equals(live.contact().agentId());
        boolean onIt = live != null
                && live.participants().stream().anyMatch(p -> p.agentId().equals(me.id()));
        model.addAttribute("mine", mine);
        model.addAttribute("onIt", onIt);
        // Routing lets the contact's own agent leave only to a colleague who joined (a warm transfer);
        // anyone else on it may leave at any time. Offering more would be refused.
        model.addAttribute(
                "mayLeave",
                onIt && (!mine || live.participants().stream().anyMatch(p -> Participant.COLLEAGUE.equals(p.role()))));
        model.addAttribute("request", request == null ? null : view(request, names));
        model.addAttribute("supervisor", me.role().seesAllTeams());
        if (live != null && live.contact().state() == ContactState.ACCEPTED) {
            // Both handovers start from what the customer already said, like the case's own transfer.
            model.addAttribute("draft", drafts.draft(detail));
            model.addAttribute(
                    "teams",
                    agents.teams().stream()
                            .filter(t -> !t.id().equals(live.contact().teamId()))
                            .toList());
            model.addAttribute(
                    "colleagues",
                    agents.list().stream()
                            .filter(Agent::active)
                            .filter(a -> !a.id().equals(me.id())
                                    && live.participants().stream()
                                            .noneMatch(p -> p.agentId().equals(a.id())))
                            .toList());
        } else {
            model.addAttribute("draft", "");
            model.addAttribute("teams", List.of());
            model.addAttribute("colleagues", List.of());
        }
    }

    private static RequestView view(SupervisorRequest request, java.util.Map<AgentId, String> names) {
        return new RequestView(
                request.id().toString(),
                request.open(),
                request.requestedAt(),
                request.takenBy() == null ? null : names.getOrDefault(request.takenBy(), "?"),
                request.source());
    }
}
