package dev.casekeeper.channels.chat;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.channels.email.MailboxManagement;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.shared.ConflictException;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chats that belong to an existing case from their start: a customer signed in to the portal talks
 * to a person about the case she is reading. The chat is the widget's, on a mailbox of the case's
 * team, for a visitor token made here and handed to her page once; her first message queues the
 * case as a chat contact like any other, and the agent who takes it opens the case with all of its
 * history.
 */
@Service
@Transactional
class CaseChats {

    private static final Logger log = LoggerFactory.getLogger(CaseChats.class);

    private final ConversationQueries queries;
    private final CaseLookup lookup;
    private final MailboxManagement mailboxes;
    private final QueuePositions positions;
    private final Clock clock;

    CaseChats(
            ConversationQueries queries,
            CaseLookup lookup,
            MailboxManagement mailboxes,
            QueuePositions positions,
            Clock clock) {
        this.queries = queries;
        this.lookup = lookup;
        this.mailboxes = mailboxes;
        this.positions = positions;
        this.clock = clock;
    }

    /** The chat mailbox of the case's team, when an agent of the team is available to chat now. */
    @Transactional(readOnly = true)
    Optional<String> available(CaseId caseId) {
        var kase = lookup.summary(caseId);
        if (kase.teamId() == null || kase.status() == CaseStatus.CLOSED) {
            return Optional.empty();
        }
        return mailbox(kase).filter(m -> positions.available(kase.teamId().value()));
    }

    /**
     * Starts a chat on the case for its customer; the widget's visitor token for it. A chat she
     * opened before and never wrote in gives way to the new one; one she is talking in is refused
     * ({@code 409 chat-open}), as is a case nobody can chat about now ({@code 409 unavailable}).
     */
    ChatManagement.CaseChatStart start(CaseId caseId, CustomerId customer, @Nullable String name) {
        var kase = lookup.summary(caseId);
        var mailbox = available(caseId)
                .orElseThrow(() -> new ConflictException("unavailable", "Nobody can take a chat about this case now"));
        queries.ofCase(caseId.value()).filter(c -> !c.ended()).ifPresent(live -> {
            if (live.state() != Conversation.State.NEW || !live.customerId().equals(customer.value())) {
                throw new ConflictException("chat-open", "A chat about this case is going on already");
            }
            queries.end(live.id(), "replaced", clock.instant());
        });
        String token = VisitorTokens.next();
        var id = UUID.randomUUID();
        boolean inserted = queries.insertForCase(
                id,
                VisitorTokens.digest(token),
                customer.value(),
                ChatMailboxes.normalize(mailbox),
                kase.teamId().value(),
                caseId.value(),
                kase.number(),
                name,
                clock.instant());
        if (!inserted) {
            throw new ConflictException("chat-open", "A chat about this case is going on already");
        }
        log.info("Customer {} started chat {} on case {} from the portal", customer, id, caseId);
        return new ChatManagement.CaseChatStart(mailbox, token);
    }

    private Optional<String> mailbox(CaseSummary kase) {
        return mailboxes.list().stream()
                .filter(m -> m.active() && kase.teamId().equals(m.teamId()))
                .sorted(Comparator.comparing(m -> m.createdAt()))
                .map(m -> m.address())
                .findFirst();
    }
}
