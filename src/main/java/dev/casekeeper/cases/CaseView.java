package dev.casekeeper.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * The standing lists of the workspace. Each shows only cases the agent may see; "open" means not
 * yet solved (new, open, pending or on hold).
 */
public enum CaseView {
    /** Open cases the agent owns. */
    MINE("mine"),
    /** Open cases nobody owns yet. */
    UNASSIGNED("unassigned"),
    /** Open cases in the agent's teams. */
    MY_TEAMS("team"),
    /** Every open case the agent may see. */
    ALL_OPEN("open"),
    /** Cases waiting on the customer. */
    PENDING("pending"),
    /** Cases waiting on a third party. */
    ON_HOLD("on-hold"),
    /** Cases solved (or since closed) in the last {@link #RECENTLY_SOLVED_DAYS} days. */
    RECENTLY_SOLVED("solved"),
    /** Every case the agent may see, whatever its status: where a search looks by default. */
    ALL("all");

    public static final int RECENTLY_SOLVED_DAYS = 7;

    private final String key;

    CaseView(String key) {
        this.key = key;
    }

    /** The name in URLs. */
    public String key() {
        return key;
    }

    public static Optional<CaseView> fromKey(String key) {
        return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
    }
}
