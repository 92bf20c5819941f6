package dev.casekeeper.channels.email;

import java.util.UUID;

/** Identifies a mailbox. */
public record MailboxId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
