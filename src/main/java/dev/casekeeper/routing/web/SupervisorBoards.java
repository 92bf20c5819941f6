package dev.casekeeper.routing.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.routing.AgentRouting;
import dev.casekeeper.routing.Contact;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.PresenceManagement;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.routing.SupervisorRequestManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds the supervisors' board from routing's facade, with names and case numbers for people to read. */
@Component
class SupervisorBoards {

    static final Duration ABANDONED_WINDOW = Duration.ofHours(24);

    /** What the board shows for a member routing has not heard of since it started: not a presence they can set. */
    static final String OFFLINE = "offline";

    record CaseRef(long number, String subject) {}

    record ContactRow(
            CaseRef kase,
            String channel,
            Instant arrivedAt,
            @Nullable Integer position,
            @Nullable Duration estimate,
            @Nullable String agentName,
            @Nullable Instant expiresAt) {}

    /** A member of the team; {@code seen} false for one routing has not heard of since it started (offline, no load). */
    record AgentRow(
            String name,
            String presence,
            boolean seen,
            int chatLoad,
            int chatCapacity,
            int emailLoad,
            int emailCapacity) {}

    record HoldRow(CaseRef kase, String agentName, Instant since, Instant limitAt, boolean limitReached) {}

    record TeamBoard(
            String id,
            String name,
            List<ContactRow> waiting,
            List<ContactRow> offered,
            List<AgentRow> agents,
            List<HoldRow> holds) {}

    record RequestRow(
            String id,
            CaseRef kase,
            String source,
            Instant requestedAt,
            @Nullable String teamName) {}

    record AbandonedRow(
            CaseRef kase,
            String teamName,
            String channel,
            Instant abandonedAt,
            Duration waited,
            boolean callback,
            @Nullable String email,
            @Nullable String phone) {}

    record Board(List<TeamBoard> teams, List<RequestRow> requests, List<AbandonedRow> abandoned) {}

    private final PresenceManagement presence;
    private final QueueManagement queues;
    private final LiveContactManagement liveContacts;
    private final SupervisorRequestManagement requests;
    private final CaseLookup cases;
    private final RoutingPages pages;
    private final Clock clock;

    SupervisorBoards(
            PresenceManagement presence,
            QueueManagement queues,
            LiveContactManagement liveContacts,
            SupervisorRequestManagement requests,
            CaseLookup cases,
            RoutingPages pages,
            Clock clock) {
        this.presence = presence;
        this.queues = queues;
        this.liveContacts = liveContacts;
        this.requests = requests;
        this.cases = cases;
        this.pages = pages;
        this.clock = clock;
    }

    Board board(SignedInAgent me) {
        var requests = this.requests.open(me); // refuses agents first
        var teams = pages.teams();
        var teamNames = new HashMap<TeamId, String>();
        teams.forEach(t -> teamNames.put(t.id(), t.name()));
        var holds = liveContacts.holds(me);
        var queues = teams.stream().map(t -> this.queues.queue(t.id(), me)).toList();
        var agentIds = new HashSet<AgentId>();
        teams.forEach(t -> agentIds.addAll(t.memberIds()));
        queues.forEach(q -> {
            q.agents().forEach(a -> agentIds.add(a.agentId()));
            q.contacts().stream().filter(c -> c.agentId() != null).forEach(c -> agentIds.add(c.agentId()));
        });
        holds.forEach(h -> agentIds.add(h.agentId()));
        var names = pages.names(agentIds);
        var known = new HashMap<AgentId, AgentRouting>();
        presence.agents().forEach(a -> known.put(a.agentId(), a));
        var refs = new HashMap<CaseId, CaseRef>();
        var boards = new ArrayList<TeamBoard>();
        for (int i = 0; i < teams.size(); i++) {
            var team = teams.get(i);
            var queue = queues.get(i);
            var waiting = queue.contacts().stream()
                    .filter(c -> c.state() == ContactState.WAITING)
                    .map(c -> row(c, refs, names))
                    .toList();
            var offered = queue.contacts().stream()
                    .filter(c -> c.state() == ContactState.OFFERED)
                    .map(c -> row(c, refs, names))
                    .toList();
            var agents = agents(team, queue.agents(), known, names);
            var teamHolds = holds.stream()
                    .filter(h -> h.teamId().equals(team.id()))
                    .map(h -> new HoldRow(
                            ref(h.caseId(), refs),
                            names.getOrDefault(h.agentId(), "?"),
                            h.since(),
                            h.limitAt(),
                            h.limitReached()))
                    .toList();
            boards.add(new TeamBoard(team.id().toString(), team.name(), waiting, offered, agents, teamHolds));
        }
        var requestRows = requests.stream()
                .map(r -> new RequestRow(
                        r.id().toString(),
                        ref(r.caseId(), refs),
                        r.source(),
                        r.requestedAt(),
                        r.teamId() == null ? null : teamNames.get(r.teamId())))
                .toList();
        var abandoned = this.queues.abandoned(me, clock.instant().minus(ABANDONED_WINDOW)).stream()
                .limit(100)
                .map(a -> new AbandonedRow(
                        ref(a.caseId(), refs),
                        teamNames.getOrDefault(a.teamId(), "?"),
                        a.channel().value(),
                        a.abandonedAt(),
                        a.waited(),
                        a.callbackId() != null,
                        a.callbackEmail(),
                        a.callbackPhone()))
                .toList();
        return new Board(boards, requestRows, abandoned);
    }

    private ContactRow row(Contact c, Map<CaseId, CaseRef> refs, Map<AgentId, String> names) {
        return new ContactRow(
                ref(c.caseId(), refs),
                c.channel().value(),
                c.arrivedAt(),
                c.position(),
                c.estimatedWait(),
                c.agentId() == null ? null : names.getOrDefault(c.agentId(), "?"),
                c.offerExpiresAt());
    }

    /**
     * Everyone who serves the team's queue (longest idle first), then every other member of the team with
     * the presence routing knows for them, then the members routing has not heard of since it started, by
     * name: offline. Deactivated agents are left out.
     */
    private List<AgentRow> agents(
            Team team, List<AgentRouting> serving, Map<AgentId, AgentRouting> known, Map<AgentId, String> names) {
        var rows = new ArrayList<AgentRow>();
        var listed = new HashSet<AgentId>();
        serving.forEach(a -> {
            rows.add(agent(a, names));
            listed.add(a.agentId());
        });
        var active = pages.activeAgents();
        var members = team.memberIds().stream()
                .filter(id -> !listed.contains(id) && active.contains(id))
                .toList();
        members.stream().filter(known::containsKey).forEach(id -> rows.add(agent(known.get(id), names)));
        members.stream()
                .filter(id -> !known.containsKey(id))
                .map(id -> new AgentRow(names.getOrDefault(id, "?"), OFFLINE, false, 0, 0, 0, 0))
                .sorted(java.util.Comparator.comparing(AgentRow::name))
                .forEach(rows::add);
        return List.copyOf(rows);
    }

    private static AgentRow agent(AgentRouting a, Map<AgentId, String> names) {
        return new AgentRow(
                names.getOrDefault(a.agentId(), "?"),
                a.presence().value(),
                true,
                a.chatLoad(),
                a.chatCapacity(),
                a.emailLoad(),
                a.emailCapacity());
    }

    private CaseRef ref(CaseId id, Map<CaseId, CaseRef> refs) {
        return refs.computeIfAbsent(
                id, key -> cases.byId(key).map(SupervisorBoards::ref).orElse(new CaseRef(0, "?")));
    }

    private static CaseRef ref(CaseSummary kase) {
        return new CaseRef(kase.number(), kase.subject());
    }
}
