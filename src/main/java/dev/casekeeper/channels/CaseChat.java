package dev.casekeeper.channels;

import org.jspecify.annotations.Nullable;

/**
 * A case's chat as the case page shows it to one agent: whether it is live (waiting for an agent or
 * chatting) or ended, whether this agent may write in it, and the ways to reach a customer who
 * left: the email and phone they gave in the chat, whether it reached the team's queue ({@code
 * queued}), whether the team has a callback task for them, and whether a reply can go by email
 * ({@code mailSends}: the mailbox it would leave from has an outbound server). (The chat module's own
 * {@code ChatManagement.ChatOfCase} says the same inside the channels: a nested module cannot hand
 * its types to modules outside its parent.)
 */
public record CaseChat(
        String state,
        boolean mayWrite,
        @Nullable String email,
        @Nullable String phone,
        boolean queued,
        boolean callback,
        boolean mailSends) {

    public boolean live() {
        return !ended();
    }

    public boolean ended() {
        return "ended".equals(state);
    }

    /** The ended chat's customer can be reached by email: they gave an address and the team's mailbox sends mail. */
    public boolean offersEmail() {
        return ended() && email != null && mailSends;
    }

    /** The customer gave an address, but no mailbox of the team sends mail. */
    public boolean emailWithoutMailbox() {
        return ended() && email != null && !mailSends;
    }

    /** The team may put the ended chat's customer on its callback list (they gave a way back, and it has none yet). */
    public boolean offersCallback() {
        return ended() && queued && !callback && (email != null || phone != null);
    }
}
