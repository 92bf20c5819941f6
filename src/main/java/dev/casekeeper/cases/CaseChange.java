package dev.casekeeper.cases;

import dev.casekeeper.shared.Actor;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded change of a case field: who, when, before and after. */
public record CaseChange(
        Actor actor,
        String field,
        @Nullable String before,
        @Nullable String after,
        Instant at) {}
