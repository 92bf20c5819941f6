package dev.casekeeper.cases;

import dev.casekeeper.cases.ImportCase.ImportMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases brought over from another desk, a batch at a time in the caller's transaction. This is the
 * bulk path: one statement writes a batch of cases and one its messages, because opening each through
 * {@link CaseManagement} (a case, then every message with its reactions) would take hours for a
 * desk's history. It publishes nothing on purpose: an imported case is not a new contact, so no
 * acknowledgement goes out, nobody is offered it, and no SLA clock starts for a ticket from 2019.
 * A case or message already imported (the same id) is updated or left as it is, never doubled.
 */
@Service
@Transactional
public class CaseImports {

    /** How many of a batch's cases were new and how many were there already and updated. */
    public record ImportedCases(int created, int updated) {}

    private final ImportQueries queries;
    private final TimelineJson json;
    private final JsonMapper mapper;
    private final Clock clock;

    CaseImports(ImportQueries queries, TimelineJson json, JsonMapper mapper, Clock clock) {
        this.queries = queries;
        this.json = json;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Writes the cases (updating those already imported, unless deleted here since) and their messages. */
    public ImportedCases upsert(List<ImportCase> batch) {
        if (batch.isEmpty()) {
            return new ImportedCases(0, 0);
        }
        TransactionOutlines.forget();
        // The last of a case's versions in the batch wins: an export may hold a ticket twice.
        var latest = new java.util.LinkedHashMap<CaseId, ImportCase>();
        batch.forEach(kase -> latest.put(kase.id(), kase));
        var rows = new ArrayList<ImportQueries.CaseRow>();
        var messages = new ArrayList<ImportMessage>();
        for (var kase : latest.values()) {
            rows.add(new ImportQueries.CaseRow(
                    kase.id().value(),
                    kase.subject().isBlank() ? "(no subject)" : kase.subject().strip(),
                    kase.requester().value(),
                    kase.channel().value(),
                    kase.status().value(),
                    kase.priority().value(),
                    tags(kase.tags()),
                    mapper.writeValueAsString(kase.customFields()),
                    kase.createdAt(),
                    kase.updatedAt()));
            messages.addAll(kase.messages());
        }
        int created = queries.upsertCases(rows, clock.instant());
        append(messages);
        return new ImportedCases(created, latest.size() - created);
    }

    /**
     * Adds messages to cases imported earlier (a source that exports comments apart from tickets).
     * Answers the cases of the batch that do not exist here, whose messages were left out.
     */
    public Set<CaseId> append(List<ImportMessage> batch) {
        if (batch.isEmpty()) {
            return Set.of();
        }
        TransactionOutlines.forget();
        var known = queries.existing(
                batch.stream().map(m -> m.caseId().value()).distinct().toList());
        var missing = new HashSet<CaseId>();
        var rows = new ArrayList<ImportQueries.EntryRow>();
        for (var message : batch) {
            if (!known.contains(message.caseId().value())) {
                missing.add(message.caseId());
                continue;
            }
            EntryKind kind = message.customer() != null
                    ? EntryKind.MESSAGE_IN
                    : message.isPublic() ? EntryKind.MESSAGE_OUT : EntryKind.NOTE;
            rows.add(new ImportQueries.EntryRow(
                    message.id(),
                    message.caseId().value(),
                    kind.value(),
                    message.customer() != null ? "customer" : "system",
                    message.customer() == null ? null : message.customer().value(),
                    message.text(),
                    MessageBodies.sanitize(message.html()),
                    message.facts() == null ? null : json.write(message.facts()),
                    message.at()));
        }
        queries.insertEntries(rows);
        queries.firstResponses(
                rows.stream().map(ImportQueries.EntryRow::caseId).distinct().toList());
        return missing;
    }

    private static List<String> tags(Collection<String> given) {
        var kept = new ArrayList<String>();
        for (String tag : given) {
            try {
                kept.addAll(Tags.normalize(List.of(tag)));
            } catch (dev.casekeeper.shared.InvalidInputException e) {
                // Not a tag here (a space, a symbol): the case keeps the others.
            }
            if (kept.size() == Tags.MAX_TAGS) {
                break;
            }
        }
        return kept.stream().distinct().toList();
    }
}
