package dev.casekeeper.channels;

/**
 * A chat a customer started on her case from the portal: the mailbox the widget names, and the
 * visitor token that opens this chat in it (handed to her page once, never stored but as a digest).
 */
public record CustomerChat(String mailbox, String token) {}
