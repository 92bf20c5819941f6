package dev.casekeeper.channels;

import java.util.UUID;

/** A mailbox an agent may write to a customer from, as the New case page offers it. */
public record EmailSender(UUID id, String address, String displayName) {}
