package dev.casekeeper.live;

import dev.casekeeper.agents.AgentDeactivated;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseUpdated;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns committed changes into live signals: a changed case for the lists and its open page, a
 * deactivated agent for their open streams. Sending a signal twice only refreshes a page twice.
 *
 * <p>Plain listeners that hand the signal over once the publishing transaction commits (nothing if
 * it rolls back), not event publications: a signal is worth nothing after a restart (the pages
 * reload what they show when they reconnect), so recording one per change in the publication
 * registry, and marking it done, would cost three writes per change for nothing (ADR 0006, 0013).
 */
@Component
class CaseSignals {

    private final LiveSignalRelay relay;

    CaseSignals(LiveSignalRelay relay) {
        this.relay = relay;
    }

    @EventListener
    void on(CaseUpdated event) {
        relay.publish(new LiveSignal(
                LiveSignal.CASE,
                event.caseId().value(),
                event.number(),
                Stream.of(event.teamId(), event.previousTeamId())
                        .filter(Objects::nonNull)
                        .map(TeamId::value)
                        .distinct()
                        .toList(),
                Stream.of(event.ownerId(), event.previousOwnerId())
                        .filter(Objects::nonNull)
                        .map(AgentId::value)
                        .distinct()
                        .toList(),
                event.teamId() == null || event.previousTeamId() == null,
                null));
    }

    @EventListener
    void on(AgentDeactivated event) {
        relay.publish(LiveSignal.signedOut(event.agentId().value()));
    }
}
