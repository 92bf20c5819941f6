package dev.casekeeper.channels.chat;

import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.InvalidInputException;
import java.time.Clock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When nobody of the team is available, the widget offers to leave a message: with an email
 * address it becomes an email case of the widget's mailbox (answered by email like any other);
 * with only a phone number, or with a window to be called back in, the chat is opened and left at
 * once, which gives the team a callback task. Sent again after a reconnect, it is found by its id and not left twice.
 */
@Component
class OfflineMessages {

    private static final Logger log = LoggerFactory.getLogger(OfflineMessages.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Conversations conversations;
    private final ConversationQueries queries;
    private final CaseIntake intake;
    private final Clock clock;

    OfflineMessages(Conversations conversations, ConversationQueries queries, CaseIntake intake, Clock clock) {
        this.conversations = conversations;
        this.queries = queries;
        this.intake = intake;
        this.clock = clock;
    }

    @Transactional
    void leave(
            Visitor visitor,
            String clientId,
            String text,
            int removed,
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone,
            @Nullable CallbackWindow window) {
        email = Conversations.blankToNull(email);
        phone = Conversations.blankToNull(phone);
        if (email == null && phone == null) {
            throw new InvalidInputException("email", "give an email address or a phone number");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "is not an email address");
        }
        if (queries.leftMessage(visitor.digest(), visitor.mailbox(), clientId)) {
            return;
        }
        var conversation = queries.lock(
                        conversations.profile(visitor, name, email, phone, null).id())
                .orElseThrow();
        // Asked to be called back (a window given), the chat is left at once for a callback, even with an email.
        if (email != null && window == null) {
            var subject = text.strip().lines().findFirst().orElse("").strip();
            var message = InboundMessage.newCase(
                            subject.length() > 80 ? subject.substring(0, 79) + "…" : subject,
                            text,
                            Channel.EMAIL,
                            Actor.SYSTEM)
                    .withTeam(visitor.teamId())
                    .withFacts(ChatFacts.leftMessage(conversation.id(), visitor.mailbox(), removed));
            var received = intake.receive(message, Sender.email(email, Conversations.blankToNull(name)));
            queries.append(
                    conversation,
                    ChatMessage.SYSTEM,
                    null,
                    null,
                    clientId,
                    "message-left",
                    null,
                    received.entryId(),
                    clock.instant());
            queries.end(conversation.id(), "message-left", clock.instant());
            log.info(
                    "A chat visitor left a message: case {} for mailbox {}",
                    received.summary().id(),
                    visitor.mailbox());
            return;
        }
        conversations.fromCustomer(visitor, clientId + ":message", text, removed);
        var locked = queries.lock(conversation.id()).orElseThrow();
        queries.append(locked, ChatMessage.SYSTEM, null, null, clientId, "message-left", null, null, clock.instant());
        conversations.leave(conversation.id(), email, phone, window, "callback");
    }
}
