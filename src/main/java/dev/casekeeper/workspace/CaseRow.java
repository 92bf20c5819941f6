package dev.casekeeper.workspace;

import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.Snippet;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One line of a case list, with the names people read instead of ids. */
record CaseRow(
        long number,
        String subject,
        String requesterName,
        @Nullable String requesterEmail,
        CaseStatus status,
        Priority priority,
        Channel channel,
        @Nullable String ownerName,
        boolean mine,
        @Nullable String teamName,
        List<String> tags,
        Instant updatedAt,
        @Nullable Instant waitingSince,
        @Nullable Snippet snippet) {}
