package dev.casekeeper.customers;

import java.util.Map;

/**
 * A module that keeps data about customers in its own tables (cases keep their requester, chats
 * their visitor, channels the customer's words): it moves that data when two records are merged,
 * moves it back when the merge is undone, and erases the customer's words when her data is erased.
 * Called inside the transaction of the merge, undo or erasure, so a failure anywhere leaves all as
 * it was. {@code cases} knows nothing of the modules above it; they implement this to take part.
 */
public interface CustomerDataHolder {

    /** Moves what this module keeps of {@code source} to {@code target}, remembering what moved under the merge's id. */
    default void merged(MergeId merge, CustomerId source, CustomerId target) {}

    /** Moves back what {@link #merged} moved under this merge (what was added to the target since stays). */
    default void unmerged(MergeId merge, CustomerId source, CustomerId target) {}

    /**
     * Erases what the customer wrote and what this module keeps about her; how many of what it
     * erased, by name (for the audit trail: counts, never the data).
     */
    default Map<String, Integer> erase(ErasedCustomer customer) {
        return Map.of();
    }
}
