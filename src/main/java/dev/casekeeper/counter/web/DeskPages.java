package dev.casekeeper.counter.web;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.counter.CounterSettings;
import dev.casekeeper.counter.DeskManagement;
import dev.casekeeper.counter.LocationId;
import dev.casekeeper.counter.Seat;
import dev.casekeeper.counter.Ticket;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the desk page shows besides the ticket: the walk-in's earlier cases, the teams and desks to transfer to. */
@Component
class DeskPages {

    private final CaseLookup cases;
    private final AgentManagement agents;
    private final DeskManagement desks;
    private final CounterSettings settings;

    DeskPages(CaseLookup cases, AgentManagement agents, DeskManagement desks, CounterSettings settings) {
        this.cases = cases;
        this.agents = agents;
        this.desks = desks;
        this.settings = settings;
    }

    /**
     * The walk-in's latest other cases the agent may see, when they identified themselves (an email or
     * phone matched to a customer): the agent asks them to confirm before speaking of any.
     */
    List<CaseSummary> history(Ticket ticket, SignedInAgent me, int limit) {
        if (ticket.email() == null && ticket.phone() == null) {
            return List.of();
        }
        return cases.ofRequester(ticket.customerId(), limit + 1).stream()
                .filter(c -> !c.id().equals(ticket.caseId()))
                .filter(c -> cases.visibleTo(c.id(), me))
                .limit(limit)
                .toList();
    }

    /** When the agent may mark the called ticket a no-show. */
    Instant noShowAt(Ticket ticket) {
        return ticket.calledAt() == null ? Instant.MAX : ticket.calledAt().plus(settings.noShowGrace());
    }

    List<Team> teams() {
        return agents.teams().stream().sorted(Comparator.comparing(Team::name)).toList();
    }

    /** The location's other open desks. */
    List<Seat> otherDesks(LocationId location, String mine) {
        return desks.seatsAt(location).stream()
                .filter(s -> !s.desk().equals(mine))
                .toList();
    }
}
