package dev.casekeeper.actions;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where an action is. Awaiting approval and running are open: the case cannot be solved while one
 * is. Done, failed, declined and withdrawn (by its proposer, a supervisor or an admin before anyone
 * decided it) are final.
 */
public enum ActionState {
    AWAITING_APPROVAL,
    RUNNING,
    DONE,
    FAILED,
    DECLINED,
    WITHDRAWN;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean open() {
        return this == AWAITING_APPROVAL || this == RUNNING;
    }

    static ActionState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
