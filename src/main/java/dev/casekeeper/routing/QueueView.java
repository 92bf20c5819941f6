package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import java.util.List;

/** A team's queue now: contacts waiting or offered, in the order they will be served, and the team's agents. */
public record QueueView(TeamId teamId, List<Contact> contacts, List<AgentRouting> agents) {}
