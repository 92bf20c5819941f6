package dev.casekeeper.audit;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.Cursor;
import dev.casekeeper.shared.Slice;
import dev.casekeeper.shared.StorableText;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log's API. {@link #record} writes an entry in the caller's transaction, so a change and
 * its entry commit together or not at all; admins list, filter and export the entries.
 */
@Service
@Transactional
public class AuditLog {

    /** The request attribute set when a request wrote an entry of its own (the settings entry then stays out). */
    static final String RECORDED = AuditLog.class.getName() + ".recorded";

    static final int MAX_SUMMARY = 1000;

    /** The CSV's columns, in order. */
    static final String[] CSV_HEADER = {
        "at", "kind", "actor_kind", "actor_id", "actor_email", "subject_type", "subject_id", "summary", "address"
    };

    private final AuditQueries entries;
    private final AgentManagement agents;
    private final Map<String, AuditSubjectNames> names;
    private final Clock clock;

    AuditLog(AuditQueries entries, AgentManagement agents, List<AuditSubjectNames> names, Clock clock) {
        this.entries = entries;
        this.agents = agents;
        this.names = names.stream().collect(Collectors.toMap(AuditSubjectNames::type, n -> n));
        this.clock = clock;
    }

    /**
     * Records what {@code actor} did, in the caller's transaction. An agent is named by id and by
     * their email as it is now; a customer by id only, so an erasure leaves nothing of hers here.
     */
    public void record(AuditKind kind, Actor actor, @Nullable AuditSubject subject, String summary) {
        @Nullable String email = null;
        if (actor.kind() == Actor.Kind.AGENT && actor.id() != null) {
            email = agents.email(new AgentId(actor.id())).orElse(null);
        }
        write(kind, actor.kind().value(), actor.id(), email, subject, summary);
    }

    /** A sign-in that failed: nobody is proven, so the entry names the email as it was typed. */
    void recordFailedSignIn(String typedEmail, String why) {
        // Lower-cased as agents' emails are, so the actor filter finds failures and sign-ins alike.
        String email = StorableText.isStorable(typedEmail)
                ? clip(typedEmail.strip().toLowerCase(java.util.Locale.ROOT), 320)
                : "(unreadable)";
        write(AuditKind.SIGN_IN_FAILED, "unknown", null, email, null, why);
    }

    private void write(
            AuditKind kind,
            String actorKind,
            @Nullable UUID actorId,
            @Nullable String actorEmail,
            @Nullable AuditSubject subject,
            String summary) {
        var request = currentRequest();
        entries.insert(new AuditEntry(
                UUID.randomUUID(),
                clock.instant(),
                kind.value(),
                actorKind,
                actorId,
                actorEmail,
                subject == null ? null : subject.type(),
                subject == null ? null : subject.id(),
                clip(storable(summary), MAX_SUMMARY),
                request == null ? null : request.getRemoteAddr()));
        if (request != null) {
            request.setAttribute(RECORDED, Boolean.TRUE);
        }
    }

    /** Newest first, {@code limit} at a time; {@code cursor} is the {@code nextCursor} of the page before. */
    @Transactional(readOnly = true)
    public Slice<AuditEntry> search(AuditSearch search, @Nullable String cursor, int limit) {
        var after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        var rows = entries.page(
                search, after == null ? null : after.createdAt(), after == null ? null : after.id(), limit + 1);
        var page = rows.stream().limit(limit).toList();
        String next = rows.size() > limit
                ? new Cursor(page.getLast().at(), page.getLast().id()).encode()
                : null;
        return new Slice<>(page, next);
    }

    /**
     * The subjects of these entries as admins read them (a case's number, a customer's or an agent's
     * name, ...), looked up now: one query per type of subject, however many entries there are.
     * Subjects that lead nowhere any more, and types nobody names, are left out.
     */
    @Transactional(readOnly = true)
    public Map<AuditSubject, AuditSubjectName> names(Collection<AuditEntry> page) {
        var idsByType = new HashMap<String, Set<String>>();
        for (var entry : page) {
            if (entry.subjectType() != null && entry.subjectId() != null && names.containsKey(entry.subjectType())) {
                idsByType
                        .computeIfAbsent(entry.subjectType(), t -> new HashSet<>())
                        .add(entry.subjectId());
            }
        }
        var named = new HashMap<AuditSubject, AuditSubjectName>();
        idsByType.forEach((type, ids) ->
                names.get(type).names(ids).forEach((id, name) -> named.put(new AuditSubject(type, id), name)));
        return named;
    }

    /**
     * Writes every matching entry as CSV (RFC 4180), newest first, as the rows are read: an export of
     * millions of entries holds a few hundred in memory. Record the export itself first ({@link
     * AuditKind#EXPORTED}), in its own transaction, so a download cut short is still on record.
     */
    @Transactional(readOnly = true)
    public void exportCsv(AuditSearch search, Writer out) {
        try {
            var csv = new CSVPrinter(
                    out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get());
            entries.each(search, entry -> {
                try {
                    csv.printRecord(
                            entry.at(),
                            entry.kind(),
                            entry.actorKind(),
                            entry.actorId(),
                            entry.actorEmail(),
                            entry.subjectType(),
                            entry.subjectId(),
                            entry.summary(),
                            entry.address());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this request already wrote an entry of its own. */
    static boolean recordedDuring(HttpServletRequest request) {
        return request.getAttribute(RECORDED) != null;
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static String storable(String text) {
        return StorableText.isStorable(text) ? text : "(unreadable)";
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
