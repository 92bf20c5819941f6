package dev.casekeeper.channels.chat;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.DeliveryState;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A reply written on a chat case after its chat ended never reaches the customer: the widget shows
 * nothing more. It is marked "Not delivered" on the case, with why, so the agent knows to use a way
 * that works (docs/chat.md: email to the address the customer gave, or a callback).
 */
@Component
class UndeliveredReplies {

    private static final Logger log = LoggerFactory.getLogger(UndeliveredReplies.class);

    private final ConversationQueries queries;
    private final CaseManagement cases;
    private final MessageSource texts;

    UndeliveredReplies(ConversationQueries queries, CaseManagement cases, MessageSource texts) {
        this.queries = queries;
        this.cases = cases;
        this.texts = texts;
    }

    void mark(Conversation chat, UUID entryId) {
        // A reply the chat already carried (before it ended, or in a transcript) was delivered.
        if (chat.caseId() == null || queries.hasEntry(entryId)) {
            return;
        }
        cases.recordDelivery(
                new CaseId(chat.caseId()),
                entryId,
                DeliveryState.FAILED,
                texts.getMessage("chat.delivery.ended", null, Locale.getDefault()));
        log.info("Reply {} on case {} not delivered: the chat {} had ended", entryId, chat.caseId(), chat.id());
    }
}
