package dev.casekeeper.views;

import dev.casekeeper.agents.TeamId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Saves a view: personal without a team, shared with the team otherwise (supervisors and admins only). */
public record SaveView(String name, @Nullable TeamId teamId, ViewFilters filters, List<String> columns) {}
