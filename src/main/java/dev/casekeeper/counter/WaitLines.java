package dev.casekeeper.counter;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.routing.PullManagement;
import dev.casekeeper.routing.RoutedChannel;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Places in line and wait estimates at one location, read once for a page: a ticket's place is
 * among the tickets of the same team that any desk may call, by arrival; the estimate is routing's
 * (the team's average handle time at the counter, between the same floor and cap as every channel)
 * with the desks open now that serve the team as its capacity.
 */
@Component
class WaitLines {

    private final LocationQueries locations;
    private final TicketQueries tickets;
    private final AgentManagement agents;
    private final PullManagement pull;

    WaitLines(LocationQueries locations, TicketQueries tickets, AgentManagement agents, PullManagement pull) {
        this.locations = locations;
        this.tickets = tickets;
        this.agents = agents;
        this.pull = pull;
    }

    /** The location's line now. */
    Line at(Location location) {
        var live = tickets.live(location.id().value());
        var servers = new HashMap<TeamId, Integer>();
        for (var seat : locations.seatsAt(location.id().value())) {
            for (var team : agents.find(seat.agentId()).teamIds()) {
                servers.merge(team, 1, Integer::sum);
            }
        }
        var teamOf = new HashMap<ReasonId, TeamId>();
        location.reasons().forEach(r -> teamOf.put(r.id(), r.teamId()));
        return new Line(location, live, Map.copyOf(servers), teamOf, pull);
    }

    /** One reading of a location's line. */
    record Line(
            Location location,
            List<Ticket> live,
            Map<TeamId, Integer> servers,
            Map<ReasonId, TeamId> teamOf,
            PullManagement pull) {

        /** Waiting tickets any desk may call for the team. */
        int waitingFor(TeamId team) {
            return (int) live.stream()
                    .filter(t -> t.state() == TicketState.WAITING && t.forDesk() == null)
                    .filter(t -> team.equals(teamOf.get(t.reasonId())))
                    .count();
        }

        /** The wait of someone at {@code position} in the team's line. */
        Duration estimate(TeamId team, int position) {
            return pull.estimate(team, RoutedChannel.COUNTER, position, servers.getOrDefault(team, 0));
        }

        /** The ticket with its place in line and estimate while it waits. */
        Ticket withPlace(Ticket ticket) {
            if (ticket.state() != TicketState.WAITING) {
                return ticket;
            }
            var team = teamOf.get(ticket.reasonId());
            int position = 1;
            if (ticket.forDesk() == null) {
                for (var other : live) {
                    if (other.id().equals(ticket.id())) {
                        break;
                    }
                    if (other.state() == TicketState.WAITING
                            && other.forDesk() == null
                            && team != null
                            && team.equals(teamOf.get(other.reasonId()))) {
                        position++;
                    }
                }
            }
            var estimate = team == null ? null : estimate(team, position);
            return new Ticket(
                    ticket.id(),
                    ticket.locationId(),
                    ticket.reasonId(),
                    ticket.number(),
                    ticket.firstName(),
                    ticket.email(),
                    ticket.phone(),
                    ticket.customerId(),
                    ticket.caseId(),
                    ticket.caseNumber(),
                    ticket.state(),
                    ticket.forDesk(),
                    ticket.desk(),
                    ticket.agentId(),
                    ticket.takenAt(),
                    ticket.calledAt(),
                    ticket.servedAt(),
                    ticket.endedAt(),
                    position,
                    estimate);
        }
    }
}
