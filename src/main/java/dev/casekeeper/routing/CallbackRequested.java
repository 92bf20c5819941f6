package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A customer who left the queue gave a way to reach them: the team owes them a callback. */
@NamedInterface("events")
public record CallbackRequested(
        UUID callbackId,
        ContactId contactId,
        CaseId caseId,
        TeamId teamId,
        @Nullable String email,
        @Nullable String phone) {}
