package dev.casekeeper.webhooks;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseOpened;
import dev.casekeeper.cases.MessageReceived;
import dev.casekeeper.cases.OwnerChanged;
import dev.casekeeper.cases.PriorityChanged;
import dev.casekeeper.cases.ReplyPosted;
import dev.casekeeper.cases.StatusChanged;
import dev.casekeeper.events.Reactions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The case events subscriptions can ask for, written to the outbox in the transaction of the change
 * (ADR 0015): a change is reported if and only if it committed. An event no enabled subscription
 * wants costs nothing. Each body carries the case's id, number and team after the change, and what
 * changed; receivers read the rest through the API.
 */
@Component
class CaseWebhookEvents {

    private final WebhookOutbox outbox;
    private final CaseLookup cases;
    private final Reactions reactions;

    CaseWebhookEvents(WebhookOutbox outbox, CaseLookup cases, Reactions reactions) {
        this.outbox = outbox;
        this.cases = cases;
        this.reactions = reactions;
    }

    @EventListener
    void on(CaseOpened event) {
        report(
                WebhookEventType.CASE_OPENED,
                event.caseId(),
                data(
                        "requesterId", event.requesterId().value(),
                        "channel", event.channel().value()));
    }

    @EventListener
    void on(StatusChanged event) {
        report(
                WebhookEventType.CASE_STATUS_CHANGED,
                event.caseId(),
                data(
                        "from", event.from().value(),
                        "to", event.to().value()));
    }

    @EventListener
    void on(PriorityChanged event) {
        report(
                WebhookEventType.CASE_PRIORITY_CHANGED,
                event.caseId(),
                data(
                        "from", event.from().value(),
                        "to", event.to().value()));
    }

    @EventListener
    void on(OwnerChanged event) {
        report(
                WebhookEventType.CASE_OWNER_CHANGED,
                event.caseId(),
                data(
                        "ownerId",
                                event.ownerId() == null ? null : event.ownerId().value(),
                        "transfer", event.transfer(),
                        "byAgentId",
                                event.byAgentId() == null
                                        ? null
                                        : event.byAgentId().value()));
    }

    @EventListener
    void on(MessageReceived event) {
        report(WebhookEventType.CASE_MESSAGE_RECEIVED, event.caseId(), data("entryId", event.entryId()));
    }

    @EventListener
    void on(ReplyPosted event) {
        report(
                WebhookEventType.CASE_REPLY_SENT,
                event.caseId(),
                data(
                        "entryId", event.entryId(),
                        "authorId",
                                event.authorId() == null
                                        ? null
                                        : event.authorId().value(),
                        "channel", event.channel().value()));
    }

    /** Writing the deliveries failed with the change: again, after the change committed. */
    @ApplicationModuleListener
    void on(WebhookEventDeferred deferred) {
        write(deferred.type(), deferred.caseId(), deferred.data());
    }

    private void report(WebhookEventType type, CaseId caseId, Map<String, @Nullable Object> data) {
        if (!outbox.wanted(type.value())) {
            return;
        }
        reactions.run(() -> write(type.value(), caseId, data), new WebhookEventDeferred(type.value(), caseId, data));
    }

    private void write(String type, CaseId caseId, Map<String, @Nullable Object> changed) {
        cases.byId(caseId).ifPresent(kase -> {
            var data = new LinkedHashMap<String, @Nullable Object>();
            data.put("caseId", kase.id().value());
            data.put("number", kase.number());
            data.put("teamId", kase.teamId() == null ? null : kase.teamId().value());
            data.putAll(changed);
            outbox.enqueue(type, kase.teamId() == null ? null : kase.teamId().value(), data);
        });
    }

    private static Map<String, @Nullable Object> data(@Nullable Object... keysAndValues) {
        var data = new LinkedHashMap<String, @Nullable Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }

    /** An event whose deliveries are to be written after its change committed. */
    record WebhookEventDeferred(String type, CaseId caseId, Map<String, @Nullable Object> data) {}
}
