package dev.casekeeper.cases;

import java.util.UUID;

/** Identifies a case. */
public record CaseId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
