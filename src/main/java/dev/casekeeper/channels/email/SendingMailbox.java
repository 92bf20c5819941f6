package dev.casekeeper.channels.email;

/** A mailbox an agent may write from, as a page or the API offers it. */
public record SendingMailbox(MailboxId id, String address, String displayName) {}
