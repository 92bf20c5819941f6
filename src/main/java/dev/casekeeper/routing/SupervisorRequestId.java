package dev.casekeeper.routing;

import java.util.UUID;

/** A request for a supervisor on a case. */
public record SupervisorRequestId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
