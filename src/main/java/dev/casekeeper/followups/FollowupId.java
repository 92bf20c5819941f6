package dev.casekeeper.followups;

import java.util.UUID;

/** Identifies a promise or check-in. */
public record FollowupId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
