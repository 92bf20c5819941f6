package dev.casekeeper.cases;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Changes status, priority or tags; null fields stay as they are. */
public record ChangeCase(
        @Nullable CaseStatus status,
        @Nullable Priority priority,
        @Nullable List<String> tags) {}
