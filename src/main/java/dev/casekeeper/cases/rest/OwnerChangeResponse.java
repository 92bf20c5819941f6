package dev.casekeeper.cases.rest;

import dev.casekeeper.cases.CaseChange;
import dev.casekeeper.cases.OwnerChange;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One step of ownership in the API. */
record OwnerChangeResponse(
        String type,
        @Nullable UUID fromOwnerId,
        @Nullable UUID toOwnerId,
        @Nullable UUID toTeamId,
        @Nullable String reason,
        @Nullable String summary,
        String byKind,
        @Nullable UUID byId,
        Instant at) {

    static OwnerChangeResponse of(OwnerChange o) {
        return new OwnerChangeResponse(
                o.type(),
                CaseResponse.id(o.fromOwnerId()),
                CaseResponse.id(o.toOwnerId()),
                CaseResponse.id(o.toTeamId()),
                o.reason(),
                o.summary(),
                o.by().kind().value(),
                o.by().id(),
                o.at());
    }

    /** One recorded change of a case field. */
    record ChangeResponse(
            String actorKind,
            @Nullable UUID actorId,
            String field,
            @Nullable String before,
            @Nullable String after,
            Instant at) {
        static ChangeResponse of(CaseChange c) {
            return new ChangeResponse(
                    c.actor().kind().value(), c.actor().id(), c.field(), c.before(), c.after(), c.at());
        }
    }
}
