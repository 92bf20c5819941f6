package dev.casekeeper.channels;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.channels.chat.ChatManagement;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the channels offer the pages that combine modules (the case page, the demo). The channels
 * are nested modules, reached only through their parent: this facade hands each call to the
 * channel's own.
 */
@Service
public class ChannelManagement {

    private final ChatManagement chats;

    ChannelManagement(ChatManagement chats) {
        this.chats = chats;
    }

    /** The case's chat as this agent sees it; empty for a case without a chat from the widget. */
    public Optional<CaseChat> chatOfCase(CaseId caseId, SignedInAgent viewer) {
        return chats.ofCase(caseId, viewer)
                .map(c -> new CaseChat(
                        c.state(), c.mayWrite(), c.email(), c.phone(), c.queued(), c.callback(), c.mailSends()));
    }

    /** A reply to a customer who left the case's chat, by email to the address they gave in it ({@code 409} otherwise). */
    public TimelineEntry replyByEmail(CaseId caseId, String body, SignedInAgent by) {
        return chats.replyByEmail(caseId, body, by);
    }

    /** Records a chat that already happened on the case, as its timeline tells it, and ended (the demo's chat cases). */
    public void recordEndedChat(CaseId caseId, String mailbox) {
        chats.recordEndedChat(caseId, mailbox);
    }
}
