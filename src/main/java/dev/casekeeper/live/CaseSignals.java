package dev.casekeeper.live;

import dev.casekeeper.agents.AgentDeactivated;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseUpdated;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns committed changes into live signals: a changed case for the lists and its open page, a
 * deactivated agent for their open streams. Sending a signal twice only refreshes a page twice.
 */
@Component
class CaseSignals {

    private final LiveBus bus;

    CaseSignals(LiveBus bus) {
        this.bus = bus;
    }

    @ApplicationModuleListener
    void on(CaseUpdated event) {
        bus.publish(new LiveSignal(
                LiveSignal.CASE,
                event.caseId().value(),
                event.number(),
                Stream.of(event.teamId(), event.previousTeamId()).filter(Objects::nonNull).map(TeamId::value).distinct().toList(),
                Stream.of(event.ownerId(), event.previousOwnerId()).filter(Objects::nonNull).map(AgentId::value).distinct().toList(),
                event.teamId() == null || event.previousTeamId() == null,
                null));
    }

    @ApplicationModuleListener
    void on(AgentDeactivated event) {
        bus.publish(LiveSignal.signedOut(event.agentId().value()));
    }
}
