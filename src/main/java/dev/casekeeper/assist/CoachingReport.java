package dev.casekeeper.assist;

import dev.casekeeper.agents.AgentId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tone findings on an agent's sent replies, newest first, one page at a time, with how many
 * replies were checked and how many findings of each kind they had over all time.
 */
public record CoachingReport(
        AgentId agentId,
        int checkedReplies,
        Map<String, Integer> counts,
        List<CoachingFinding> items,
        @Nullable String nextCursor) {}
