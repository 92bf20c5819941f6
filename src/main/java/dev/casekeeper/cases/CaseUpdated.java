package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * Something people looking at a case should see changed: it was opened, or got a message, reply,
 * note, status, priority, tags or owner. Published once per change, for live views; it carries the
 * case's team and owner before and after, so a listener can tell who may see it (and who just lost
 * sight of it) without reading it back.
 */
@NamedInterface("events")
public record CaseUpdated(
        CaseId caseId,
        long number,
        @Nullable TeamId teamId,
        @Nullable AgentId ownerId,
        @Nullable TeamId previousTeamId,
        @Nullable AgentId previousOwnerId) {}
