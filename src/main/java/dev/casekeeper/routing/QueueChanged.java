package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;

/** A team's queue changed (a contact arrived, was offered, accepted, moved or left): positions and waits may differ. */
public record QueueChanged(TeamId teamId) {}
