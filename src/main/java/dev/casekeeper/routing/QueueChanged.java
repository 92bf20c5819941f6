package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import org.springframework.modulith.NamedInterface;

/** A team's queue changed (a contact arrived, was offered, accepted, moved or left): positions and waits may differ. */
@NamedInterface("events")
public record QueueChanged(TeamId teamId) {}
