package dev.casekeeper.routing.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.routing.AbandonedContact;
import dev.casekeeper.routing.AgentRouting;
import dev.casekeeper.routing.Contact;
import dev.casekeeper.routing.OfferId;
import dev.casekeeper.routing.TeamRouting;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the routing API; durations in whole seconds. */
final class RoutingResponses {

    private RoutingResponses() {}

    record AgentRoutingResponse(
            UUID agentId,
            String presence,
            Instant presenceSince,
            Instant idleSince,
            int chatCapacity,
            int emailCapacity,
            int chatLoad,
            int emailLoad,
            List<String> skills,
            List<UUID> teamIds) {

        static AgentRoutingResponse of(AgentRouting a) {
            return new AgentRoutingResponse(
                    a.agentId().value(),
                    a.presence().value(),
                    a.presenceSince(),
                    a.idleSince(),
                    a.chatCapacity(),
                    a.emailCapacity(),
                    a.chatLoad(),
                    a.emailLoad(),
                    a.skills(),
                    a.teamIds().stream().map(TeamId::value).toList());
        }
    }

    record ContactResponse(
            UUID id,
            UUID caseId,
            String channel,
            UUID teamId,
            List<String> requiredSkills,
            String priority,
            String state,
            Instant arrivedAt,
            long waitedSeconds,
            @Nullable UUID agentId,
            @Nullable UUID offerId,
            @Nullable Instant offerExpiresAt,
            @Nullable Integer position,
            @Nullable Long estimatedWaitSeconds,
            boolean overflowed) {

        static ContactResponse of(Contact c) {
            return new ContactResponse(
                    c.id().value(),
                    c.caseId().value(),
                    c.channel().value(),
                    c.teamId().value(),
                    c.requiredSkills(),
                    c.priority().value(),
                    c.state().value(),
                    c.arrivedAt(),
                    c.waited().toSeconds(),
                    c.agentId() == null ? null : c.agentId().value(),
                    c.offerId() == null ? null : c.offerId().value(),
                    c.offerExpiresAt(),
                    c.position(),
                    c.estimatedWait() == null ? null : c.estimatedWait().toSeconds(),
                    c.overflowed());
        }
    }

    record MeResponse(AgentRoutingResponse routing, List<ContactResponse> contacts) {}

    record QueueResponse(UUID teamId, List<ContactResponse> contacts, List<AgentRoutingResponse> agents) {}

    record TeamRoutingResponse(
            UUID teamId,
            @Nullable UUID overflowTeamId,
            @Nullable Long overflowAfterSeconds) {

        static TeamRoutingResponse of(TeamRouting t) {
            return new TeamRoutingResponse(
                    t.teamId().value(),
                    t.overflowTeamId() == null ? null : t.overflowTeamId().value(),
                    t.overflowAfter() == null ? null : t.overflowAfter().toSeconds());
        }
    }

    record AbandonedResponse(
            UUID id,
            UUID caseId,
            String channel,
            UUID teamId,
            Instant arrivedAt,
            Instant abandonedAt,
            long waitedSeconds,
            @Nullable UUID callbackId,
            @Nullable String callbackEmail,
            @Nullable String callbackPhone) {

        static AbandonedResponse of(AbandonedContact a) {
            return new AbandonedResponse(
                    a.id().value(),
                    a.caseId().value(),
                    a.channel().value(),
                    a.teamId().value(),
                    a.arrivedAt(),
                    a.abandonedAt(),
                    a.waited().toSeconds(),
                    a.callbackId(),
                    a.callbackEmail(),
                    a.callbackPhone());
        }
    }

    static AgentId agent(UUID id) {
        return new AgentId(id);
    }

    static OfferId offer(UUID id) {
        return new OfferId(id);
    }
}
