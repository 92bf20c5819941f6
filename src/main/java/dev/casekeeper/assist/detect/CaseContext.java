package dev.casekeeper.assist.detect;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the case says about a customer message: what they wrote before, how often they had to get
 * in touch, how often the case moved between agents, and how long they waited for an answer.
 *
 * @param earlierMessages the customer's earlier messages on this case, oldest first
 * @param followUp the case follows up a closed one: the customer came back about the same problem
 * @param transfers how many times the case was transferred
 * @param waited from the first customer message nobody has answered yet to this one; null if none
 */
public record CaseContext(
        List<String> earlierMessages,
        boolean followUp,
        int transfers,
        @Nullable Duration waited) {

    public static final CaseContext NONE = new CaseContext(List.of(), false, 0, null);

    /** How many messages the customer sent on this case before this one. */
    public int earlierContacts() {
        return earlierMessages.size();
    }
}
