package dev.casekeeper.customers;

import java.util.UUID;

/** Identifies a merge of two customer records. */
public record MergeId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
