package dev.casekeeper.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a case stands. The allowed transitions are this one table; anything else is refused.
 *
 * <pre>
 * from \ to   new  open  pending  on_hold  solved  closed
 * new          -    x      x        x        x       -
 * open         -    -      x        x        x       -
 * pending      -    x      -        x        x       -
 * on_hold      -    x      x        -        x       -
 * solved       -    x      -        -        -       x
 * closed       -    -      -        -        -       -      (final)
 * </pre>
 */
public enum CaseStatus {
    /** Arrived, nobody has answered yet. */
    NEW,
    /** Being worked. */
    OPEN,
    /** Waiting on the customer. */
    PENDING,
    /** Waiting on a third party. */
    ON_HOLD,
    /** Answered; reopens when the customer writes again. */
    SOLVED,
    /** Final: a new message opens a follow-up case linked to this one. */
    CLOSED;

    private static final Map<CaseStatus, Set<CaseStatus>> ALLOWED = Map.of(
            NEW, EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED),
            OPEN, EnumSet.of(PENDING, ON_HOLD, SOLVED),
            PENDING, EnumSet.of(OPEN, ON_HOLD, SOLVED),
            ON_HOLD, EnumSet.of(OPEN, PENDING, SOLVED),
            SOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.noneOf(CaseStatus.class));

    public boolean canBecome(CaseStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public Set<CaseStatus> next() {
        return Set.copyOf(ALLOWED.get(this));
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CaseStatus from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
