package dev.casekeeper.workspace.newcase;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A phone call an agent logs by hand: on an existing case ({@code caseId}), or on a new phone case
 * for the customer ({@code customer}) with {@code subject} in {@code teamId}.
 */
record LogCall(
        @Nullable CaseId caseId,
        @Nullable CustomerPick customer,
        Direction direction,
        Duration duration,
        Disposition disposition,
        String notes,
        @Nullable String subject,
        @Nullable TeamId teamId) {

    enum Direction {
        INBOUND,
        OUTBOUND;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Direction from(String value) {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** What the call came to. */
    enum Disposition {
        RESOLVED,
        FOLLOW_UP,
        NO_ANSWER,
        LEFT_VOICEMAIL,
        WRONG_NUMBER;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Disposition from(String value) {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }
}
