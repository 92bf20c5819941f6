package dev.casekeeper.routing.rest;

import dev.casekeeper.routing.Hold;
import dev.casekeeper.routing.Invitation;
import dev.casekeeper.routing.LiveContact;
import dev.casekeeper.routing.Participant;
import dev.casekeeper.routing.SupervisorRequest;
import dev.casekeeper.routing.rest.RoutingResponses.ContactResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of holds, transfers, participants and supervisor requests; durations in whole seconds. */
final class LiveContactResponses {

    private LiveContactResponses() {}

    record HoldResponse(
            UUID contactId,
            UUID caseId,
            UUID teamId,
            UUID agentId,
            Instant since,
            long limitSeconds,
            Instant limitAt,
            boolean limitReached) {

        static HoldResponse of(Hold h) {
            return new HoldResponse(
                    h.contactId().value(),
                    h.caseId().value(),
                    h.teamId().value(),
                    h.agentId().value(),
                    h.since(),
                    h.limit().toSeconds(),
                    h.limitAt(),
                    h.limitReached());
        }
    }

    record ParticipantResponse(UUID agentId, String role, Instant since) {

        static ParticipantResponse of(Participant p) {
            return new ParticipantResponse(p.agentId().value(), p.role(), p.since());
        }
    }

    record InvitationResponse(
            UUID id,
            UUID contactId,
            UUID caseId,
            UUID fromAgentId,
            UUID toAgentId,
            String reason,
            String summary,
            Instant at,
            @Nullable String outcome) {

        static InvitationResponse of(Invitation i) {
            return new InvitationResponse(
                    i.id().value(),
                    i.contactId().value(),
                    i.caseId().value(),
                    i.fromAgentId().value(),
                    i.toAgentId().value(),
                    i.reason(),
                    i.summary(),
                    i.at(),
                    i.outcome());
        }
    }

    record LiveContactResponse(
            ContactResponse contact,
            @Nullable HoldResponse hold,
            int holdCount,
            long heldSeconds,
            int transfers,
            List<ParticipantResponse> participants,
            List<InvitationResponse> invitations) {

        static LiveContactResponse of(LiveContact c) {
            return new LiveContactResponse(
                    ContactResponse.of(c.contact()),
                    c.hold() == null ? null : HoldResponse.of(c.hold()),
                    c.holdCount(),
                    c.heldTotal().toSeconds(),
                    c.transfers(),
                    c.participants().stream().map(ParticipantResponse::of).toList(),
                    c.invitations().stream().map(InvitationResponse::of).toList());
        }
    }

    record SupervisorRequestResponse(
            UUID id,
            UUID caseId,
            @Nullable UUID teamId,
            String source,
            Instant requestedAt,
            @Nullable UUID takenBy,
            @Nullable Instant takenAt,
            boolean open) {

        static SupervisorRequestResponse of(SupervisorRequest r) {
            return new SupervisorRequestResponse(
                    r.id().value(),
                    r.caseId().value(),
                    r.teamId() == null ? null : r.teamId().value(),
                    r.source(),
                    r.requestedAt(),
                    r.takenBy() == null ? null : r.takenBy().value(),
                    r.takenAt(),
                    r.open());
        }
    }
}
