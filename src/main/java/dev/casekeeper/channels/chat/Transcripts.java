package dev.casekeeper.channels.chat;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An ended chat written down from a case's timeline: the customer's messages and the agents'
 * replies, numbered in their order, then "ended". For cases that tell a chat's story without a
 * widget (the demo): their page shows an ended chat, never a live panel waiting for nobody.
 */
@Component
class Transcripts {

    private final ConversationQueries queries;
    private final CaseLookup cases;
    private final CustomerManagement customers;

    Transcripts(ConversationQueries queries, CaseLookup cases, CustomerManagement customers) {
        this.queries = queries;
        this.cases = cases;
        this.customers = customers;
    }

    void record(CaseId caseId, String mailbox) {
        if (queries.ofCase(caseId.value()).isPresent()) {
            return;
        }
        var detail = cases.detail(caseId);
        var kase = detail.summary();
        if (kase.teamId() == null) {
            throw new IllegalArgumentException("A chat belongs to a team's queue: case " + caseId + " has no team");
        }
        var customer = customers.find(kase.requesterId());
        String email = customer.identities().stream()
                .filter(i -> i.kind() == IdentityKind.EMAIL)
                .map(i -> i.value())
                .findFirst()
                .orElse(null);
        String phone = customer.identities().stream()
                .filter(i -> i.kind() == IdentityKind.PHONE)
                .map(i -> i.value())
                .findFirst()
                .orElse(null);
        var id = UUID.randomUUID();
        Instant started = kase.createdAt();
        // A digest no widget token can have: nobody can resume this chat.
        queries.insertOrFind(
                id,
                "transcript:" + id,
                kase.requesterId().value(),
                mailbox,
                kase.teamId().value(),
                started);
        queries.saveProfile(id, customer.displayName(), email, phone, kase.subject());
        queries.caseOpened(id, caseId.value(), kase.number(), null);
        var chat = queries.lock(id).orElseThrow();
        Instant last = started;
        for (var entry : detail.timeline()) {
            if (entry.kind() == EntryKind.MESSAGE_IN) {
                queries.append(
                        chat,
                        ChatMessage.CUSTOMER,
                        kase.requesterId().value(),
                        customer.displayName(),
                        null,
                        null,
                        entry.bodyText(),
                        entry.id(),
                        entry.createdAt());
            } else if (entry.kind() == EntryKind.MESSAGE_OUT) {
                queries.append(
                        chat,
                        ChatMessage.AGENT,
                        entry.author().id(),
                        entry.authorName(),
                        null,
                        null,
                        entry.bodyText(),
                        entry.id(),
                        entry.createdAt());
            } else {
                continue;
            }
            last = entry.createdAt();
        }
        queries.append(chat, ChatMessage.SYSTEM, null, null, null, "ended", null, null, last);
        queries.end(id, "ended", last);
    }
}
