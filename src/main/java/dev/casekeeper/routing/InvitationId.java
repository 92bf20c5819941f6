package dev.casekeeper.routing;

import java.util.UUID;

/** An invitation of a colleague into a live contact. */
public record InvitationId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
