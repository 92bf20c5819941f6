package dev.casekeeper.reports;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a report covers: the days {@code from} to {@code to} (both included, the desk's zone), grouped
 * by {@code period}; {@code teams} null for the whole desk; the other filters null for all. A tag
 * narrows to the cases that have it now (and their moments and live contacts).
 */
record ReportQuery(
        LocalDate from,
        LocalDate to,
        Period period,
        @Nullable Set<UUID> teams,
        @Nullable UUID agent,
        @Nullable String channel,
        @Nullable String priority,
        @Nullable String tag) {}
