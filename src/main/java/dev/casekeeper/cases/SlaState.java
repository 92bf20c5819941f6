package dev.casekeeper.cases;

import dev.casekeeper.shared.InvalidInputException;
import java.util.Arrays;

/**
 * Where a case stands against its SLA, as the module that runs the clocks last worked it out
 * ({@link CaseFlags}): lists filter by it. A case with no policy, or whose clocks are all on track,
 * has none.
 */
public enum SlaState {
    /** A running clock has passed its warning share and none has missed its target. */
    AT_RISK("at_risk"),
    /** A clock missed its target. */
    BREACHED("breached"),
    /** Every clock ended within its target. */
    MET("met");

    private final String value;

    SlaState(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static SlaState from(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("slaStates", "must be at_risk, breached or met"));
    }
}
