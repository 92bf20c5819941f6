package dev.casekeeper.cases;

import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.audit.AuditKind;
import dev.casekeeper.audit.AuditLog;
import dev.casekeeper.audit.AuditSubject;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.Erasing;
import dev.casekeeper.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Getting rid of cases: spam (closed, out of every view and search, its sender blocked if the agent
 * asks) and, for admins, deletion (the bodies of every entry and the attachments are deleted, the
 * case number stays as a tombstone that says so, and an audit record keeps who, when and why).
 */
@Service
@Transactional
public class CaseRemovals {

    private static final Logger log = LoggerFactory.getLogger(CaseRemovals.class);

    private final CaseQueries cases;
    private final CaseWriter writer;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;

    CaseRemovals(
            CaseQueries cases,
            CaseWriter writer,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.cases = cases;
        this.writer = writer;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Marks a case the agent can see as spam: it is closed (not solved: no survey) and leaves every view
     * and search; with {@code blockSender} its sender goes on the block list in the same transaction.
     *
     * @throws ConflictException when the case is already spam or deleted
     */
    public CaseSummary markSpam(CaseId id, boolean blockSender, SignedInAgent by) {
        var kase = CaseVisibility.visible(cases.lock(id.value()).orElse(null), by, id);
        Instant now = clock.instant();
        if (!cases.remove(kase.id, "spam", now)) {
            throw new ConflictException("case-removed", "Case " + kase.number + " is already spam or deleted");
        }
        var before = kase.status;
        if (!kase.isClosed()) {
            kase.closeUnsolved("being marked as spam", now);
        }
        writer.event(kase.id, by.actor(), new TimelineEvent.MarkedSpam(blockSender), now);
        writer.save(kase, by.actor(), now);
        if (before != kase.status) {
            events.publishEvent(new StatusChanged(id, before, kase.status));
        }
        events.publishEvent(new CaseMarkedSpam(id, kase.summary().requesterId(), blockSender, by.id()));
        log.info("Case {} marked as spam by {} (sender blocked: {})", id, by.id(), blockSender);
        return kase.summary();
    }

    /**
     * Deletes a case, for admins: the text, HTML and channel facts of every message and note and the
     * free text of its events are deleted, and every module deletes its raw mail and attachments, in
     * this transaction; the case stays as a closed tombstone under its number.
     *
     * @throws AccessDeniedException for anyone but an admin
     * @throws ConflictException when the case is already deleted
     */
    public CaseSummary delete(CaseId id, String reason, SignedInAgent by) {
        if (by.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only admins may delete a case");
        }
        var kase = cases.lock(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        Instant now = clock.instant();
        if (!cases.remove(kase.id, "deleted", now)) {
            throw new ConflictException("case-deleted", "Case " + kase.number + " is already deleted");
        }
        var before = kase.status;
        if (!kase.isClosed()) {
            kase.closeUnsolved("a deletion", now);
        }
        erase(kase, reason, by, now);
        writer.event(kase.id, by.actor(), new TimelineEvent.CaseDeleted(reason), now);
        writer.save(kase, by.actor(), now);
        if (before != kase.status) {
            events.publishEvent(new StatusChanged(id, before, kase.status));
        }
        events.publishEvent(new CaseDeleted(id));
        // The reason stays with the tombstone, not in the audit log, which nothing ever erases.
        audit.record(
                AuditKind.CASE_DELETED, by.actor(), AuditSubject.of("case", kase.id), "Deleted case #" + kase.number);
        log.warn("Case {} (#{}) deleted by admin {}: {}", id, kase.number, by.id(), reason);
        return cases.find(kase.id).orElseThrow().summary();
    }

    private void erase(Case kase, String reason, SignedInAgent by, Instant now) {
        TransactionOutlines.forget();
        Erasing.allowed(jdbc, () -> {
            // Events that carry only structure (who, which status, which case) stay readable on the tombstone.
            jdbc.sql("""
                            update cases.timeline_entry
                            set body_text = null, body_html = null,
                                data = case when kind = 'event' and event_type in
                                    ('status_changed', 'priority_changed', 'tags_changed', 'assigned', 'merged_into',
                                     'merged_from', 'merge_undone', 'case_linked', 'case_unlinked', 'marked_spam',
                                     'sla_warning', 'sla_breached', 'contact_ended')
                                    then data end
                            where case_id = :case
                            """).param("case", kase.id).update();
        });
        jdbc.sql("delete from cases.attachment where case_id = :case")
                .param("case", kase.id)
                .update();
        jdbc.sql("update cases.support_case set subject = :subject where id = :case")
                .param("subject", CaseDeleted.SUBJECT)
                .param("case", kase.id)
                .update();
        jdbc.sql("""
                        insert into cases.deletion (case_id, number, deleted_by, deleted_at, reason)
                        values (:case, :number, :by, :now, :reason)
                        """)
                .param("case", kase.id)
                .param("number", kase.number)
                .param("by", by.id().value())
                .param("now", Timestamp.from(now))
                .param("reason", reason)
                .update();
        cases.recordHistory(kase.id, by.actor(), "deleted", null, reason, now);
    }
}
