package dev.casekeeper.imports;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseImports;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.ImportCase;
import dev.casekeeper.cases.ImportCase.ImportMessage;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerImports;
import dev.casekeeper.customers.ImportCustomer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's export shapes, a batch at a time: organizations become customer tags, end-users become
 * customers (agents are remembered by name only), ticket fields give custom field names, tickets
 * become cases with their comments as messages, and comments exported apart join their cases.
 */
@Component
class ZendeskImport {

    private static final ImportSource SOURCE = ImportSource.ZENDESK;

    private final CustomerImports customers;
    private final CaseImports cases;
    private final SourceKeys keys;
    private final FieldMapping fields;
    private final Clock clock;

    ZendeskImport(CustomerImports customers, CaseImports cases, SourceKeys keys, FieldMapping fields, Clock clock) {
        this.customers = customers;
        this.cases = cases;
        this.keys = keys;
        this.fields = fields;
        this.clock = clock;
    }

    Counts write(RunContext run, Batch<JsonNode> batch, ImportFile.Kind kind) {
        return switch (kind) {
            case ORGANIZATIONS -> labels(run, batch, "organization", "name", true);
            case TICKET_FIELDS -> labels(run, batch, "ticket_field", "title", false);
            case USERS -> users(run, batch);
            case TICKETS -> tickets(run, batch);
            case COMMENTS -> comments(run, batch);
            case CUSTOMERS, CASES -> throw new IllegalArgumentException(kind + " is not a Zendesk file");
        };
    }

    /** Records kept by name only: an organization (as the tag its members get), a ticket field's title. */
    private Counts labels(RunContext run, Batch<JsonNode> batch, String kind, String field, boolean asTag) {
        var puts = new ArrayList<SourceKeys.Put>();
        var records = batch.records();
        for (int i = 0; i < records.size(); i++) {
            String id = Values.text(records.get(i), "id");
            String name = Values.text(records.get(i), field);
            String label = asTag ? Values.tag(name) : name;
            if (id == null || label == null) {
                batch.skip(batch.name(i, id), "no id or no " + field);
                continue;
            }
            puts.add(new SourceKeys.Put(id, null, label.strip()));
        }
        keys.put(SOURCE, kind, puts, run.jobId(), clock.instant());
        return batch.counts(0, 0);
    }

    private Counts users(RunContext run, Batch<JsonNode> batch) {
        var records = batch.records();
        var organizations = keys.find(
                SOURCE,
                "organization",
                records.stream()
                        .map(u -> Values.text(u, "organization_id"))
                        .filter(Objects::nonNull)
                        .toList());
        var known = keys.find(
                SOURCE,
                "user",
                records.stream()
                        .map(u -> Values.text(u, "id"))
                        .filter(Objects::nonNull)
                        .toList());
        var agents = new ArrayList<SourceKeys.Put>();
        var given = new ArrayList<ImportCustomer>();
        for (int i = 0; i < records.size(); i++) {
            var user = records.get(i);
            String id = Values.text(user, "id");
            if (id == null) {
                batch.skip(batch.name(i, null), "no id");
                continue;
            }
            String name = Objects.requireNonNullElse(Values.text(user, "name"), "");
            String role = Objects.requireNonNullElse(Values.text(user, "role"), "end-user");
            if (!role.equals("end-user")) {
                // Agents are not customers, and not agents here either: their messages keep their name.
                agents.add(new SourceKeys.Put(id, null, name.isBlank() ? "Zendesk " + role + " " + id : name));
                continue;
            }
            var tags = new ArrayList<String>();
            String organization = Values.text(user, "organization_id");
            if (organization != null && organizations.get(organization) != null) {
                tags.add(organizations.get(organization).label());
            }
            Values.strings(user, "tags").stream()
                    .map(Values::tag)
                    .filter(Objects::nonNull)
                    .forEach(tags::add);
            var target = known.get(id);
            given.add(new ImportCustomer(
                    id,
                    target == null || target.id() == null ? null : new CustomerId(target.id()),
                    name,
                    Values.text(user, "email"),
                    Values.text(user, "phone"),
                    tags.stream().filter(Objects::nonNull).distinct().toList()));
        }
        var outcome = customers.upsert(given);
        outcome.refused().forEach((id, reason) -> batch.skip(id, reason));
        var puts = new ArrayList<>(agents);
        outcome.imported().forEach((id, customer) -> puts.add(new SourceKeys.Put(id, customer.value(), null)));
        keys.put(SOURCE, "user", puts, run.jobId(), clock.instant());
        int created = outcome.created().size();
        return batch.counts(created, outcome.imported().size() - created);
    }

    private Counts tickets(RunContext run, Batch<JsonNode> batch) {
        var records = batch.records();
        var userIds = new HashSet<String>();
        for (var ticket : records) {
            addIfPresent(userIds, Values.text(ticket, "requester_id"));
            comments(ticket).forEach(c -> addIfPresent(userIds, Values.text(c, "author_id")));
        }
        var users = keys.find(SOURCE, "user", userIds);
        var titles = run.fieldTitles(() -> keys.all(SOURCE, "ticket_field"));
        var imported = new LinkedHashMap<String, ImportCase>();
        for (int i = 0; i < records.size(); i++) {
            var ticket = records.get(i);
            String id = Values.text(ticket, "id");
            String record = batch.name(i, id == null ? null : "ticket " + id);
            if (id == null) {
                batch.skip(record, "no id");
                continue;
            }
            String status = Objects.requireNonNullElse(Values.text(ticket, "status"), "open");
            if (status.equals("deleted")) {
                batch.skip(record, "deleted in Zendesk");
                continue;
            }
            String requesterId = Values.text(ticket, "requester_id");
            var requester = requesterId == null ? null : users.get(requesterId);
            if (requester == null || requester.id() == null) {
                batch.skip(record, "its requester (user " + requesterId + ") is not among the imported customers");
                continue;
            }
            var caseId = new CaseId(Ids.of(SOURCE, "ticket", id));
            var customer = new CustomerId(requester.id());
            var messages = new ArrayList<ImportMessage>();
            var comments = comments(ticket);
            for (var comment : comments) {
                var message = message(caseId, comment, users, requesterId, customer);
                if (message != null) {
                    messages.add(message);
                }
            }
            Instant created =
                    Objects.requireNonNullElse(Values.instant(Values.text(ticket, "created_at")), clock.instant());
            Instant updated = Objects.requireNonNullElse(Values.instant(Values.text(ticket, "updated_at")), created);
            String description = Values.text(ticket, "description");
            if (comments.isEmpty() && !run.hasCommentsFile() && description != null) {
                messages.add(new ImportMessage(
                        Ids.of(SOURCE, "description", id),
                        caseId,
                        customer,
                        true,
                        description,
                        null,
                        new ImportedFacts(SOURCE.value(), "ticket " + id, null, List.of()),
                        created));
            }
            Map<String, @Nullable Object> byName = new HashMap<>();
            JsonNode custom = ticket.get("custom_fields");
            if (custom != null && custom.isArray()) {
                for (var value : custom) {
                    String fieldId = Values.text(value, "id");
                    var title = fieldId == null ? null : titles.get(fieldId);
                    if (title != null && title.label() != null) {
                        byName.put(title.label(), plain(value.get("value")));
                    }
                }
            }
            String subject = Values.text(ticket, "subject");
            if (subject == null) {
                subject = Values.text(ticket, "raw_subject");
            }
            if (subject == null && description != null) {
                subject = description.length() > 80 ? description.substring(0, 80) : description;
            }
            imported.put(
                    id,
                    new ImportCase(
                            caseId,
                            Objects.requireNonNullElse(subject, ""),
                            customer,
                            channel(ticket),
                            status(status),
                            priority(Values.text(ticket, "priority")),
                            Values.strings(ticket, "tags"),
                            fields.values(run, batch, record, byName),
                            created,
                            updated,
                            messages));
        }
        var written = cases.upsert(List.copyOf(imported.values()));
        var puts = new ArrayList<SourceKeys.Put>();
        imported.forEach((id, kase) -> puts.add(new SourceKeys.Put(id, kase.id().value(), null)));
        keys.put(SOURCE, "ticket", puts, run.jobId(), clock.instant());
        return batch.counts(written.created(), written.updated());
    }

    /** Comments exported apart from their tickets (each names its {@code ticket_id}). */
    private Counts comments(RunContext run, Batch<JsonNode> batch) {
        var records = batch.records();
        var userIds = new HashSet<String>();
        records.forEach(c -> addIfPresent(userIds, Values.text(c, "author_id")));
        var users = keys.find(SOURCE, "user", userIds);
        var messages = new ArrayList<ImportMessage>();
        var tickets = new HashMap<CaseId, String>();
        for (int i = 0; i < records.size(); i++) {
            var comment = records.get(i);
            String ticket = Values.text(comment, "ticket_id");
            if (ticket == null) {
                batch.skip(batch.name(i, Values.text(comment, "id")), "no ticket_id");
                continue;
            }
            var caseId = new CaseId(Ids.of(SOURCE, "ticket", ticket));
            tickets.put(caseId, ticket);
            var message = message(caseId, comment, users, null, null);
            if (message == null) {
                batch.skip(batch.name(i, Values.text(comment, "id")), "no id");
            } else {
                messages.add(message);
            }
        }
        Set<CaseId> missing = cases.append(messages);
        for (var message : messages) {
            if (missing.contains(message.caseId()) && message.facts() instanceof ImportedFacts facts) {
                batch.skip(
                        "comment " + facts.sourceId(),
                        "its ticket " + tickets.get(message.caseId()) + " was not imported");
            }
        }
        return batch.counts(0, 0);
    }

    private @Nullable ImportMessage message(
            CaseId caseId,
            JsonNode comment,
            Map<String, SourceKeys.Target> users,
            @Nullable String requesterId,
            @Nullable CustomerId requester) {
        String id = Values.text(comment, "id");
        if (id == null) {
            return null;
        }
        String authorId = Values.text(comment, "author_id");
        var author = authorId == null ? null : users.get(authorId);
        CustomerId customer = author != null && author.id() != null
                ? new CustomerId(author.id())
                : authorId != null && authorId.equals(requesterId) ? requester : null;
        String agent = customer != null ? null : author != null ? author.label() : null;
        var attachments = new ArrayList<ImportedFacts.Link>();
        JsonNode files = comment.get("attachments");
        if (files != null && files.isArray()) {
            for (var file : files) {
                String url = Values.text(file, "content_url");
                if (url != null) {
                    JsonNode size = file.get("size");
                    attachments.add(new ImportedFacts.Link(
                            Objects.requireNonNullElse(Values.text(file, "file_name"), url),
                            url,
                            Values.text(file, "content_type"),
                            size != null && size.isNumber() ? size.asLong() : null));
                }
            }
        }
        String text = Values.text(comment, "plain_body");
        if (text == null) {
            text = Objects.requireNonNullElse(Values.text(comment, "body"), "");
        }
        String html = Values.text(comment, "html_body");
        JsonNode isPublic = comment.get("public");
        return new ImportMessage(
                Ids.of(SOURCE, "comment", id),
                caseId,
                customer,
                isPublic == null || isPublic.isNull() || isPublic.asBoolean(),
                Attachments.text(text, attachments),
                Attachments.html(html, attachments),
                new ImportedFacts(SOURCE.value(), id, agent, attachments),
                Objects.requireNonNullElse(Values.instant(Values.text(comment, "created_at")), clock.instant()));
    }

    private static List<JsonNode> comments(JsonNode ticket) {
        JsonNode comments = ticket.get("comments");
        var list = new ArrayList<JsonNode>();
        if (comments != null && comments.isArray()) {
            comments.forEach(list::add);
        }
        return list;
    }

    private static @Nullable Object plain(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            var list = new ArrayList<String>();
            value.forEach(v -> list.add(v.asString()));
            return list;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.asString();
    }

    private static void addIfPresent(Set<String> ids, @Nullable String id) {
        if (id != null) {
            ids.add(id);
        }
    }

    private static Channel channel(JsonNode ticket) {
        JsonNode via = ticket.get("via");
        String channel = via == null ? null : Values.text(via, "channel");
        return switch (channel == null ? "" : channel) {
            case "email" -> Channel.EMAIL;
            case "web", "web_form", "web_widget", "help_center" -> Channel.WEB;
            case "chat", "native_messaging" -> Channel.CHAT;
            case "voice", "phone" -> Channel.PHONE;
            default -> Channel.API;
        };
    }

    private static CaseStatus status(String status) {
        return switch (status) {
            case "new" -> CaseStatus.NEW;
            case "pending" -> CaseStatus.PENDING;
            case "hold" -> CaseStatus.ON_HOLD;
            case "solved" -> CaseStatus.SOLVED;
            case "closed" -> CaseStatus.CLOSED;
            default -> CaseStatus.OPEN;
        };
    }

    static Priority priority(@Nullable String priority) {
        return switch (priority == null ? "" : priority.toLowerCase(java.util.Locale.ROOT)) {
            case "low" -> Priority.LOW;
            case "high" -> Priority.HIGH;
            case "urgent" -> Priority.URGENT;
            default -> Priority.NORMAL;
        };
    }
}
