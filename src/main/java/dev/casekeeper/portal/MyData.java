package dev.casekeeper.portal;

import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.ErasureManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.customers.MergeManagement;
import dev.casekeeper.customers.SuggestionManagement;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer's copy of her data, as JSON: her record, identities, what she and others declared
 * about her, her history, suggestions, merges and erasure requests, and each of her cases with the
 * conversation she sees in the portal. Only what is hers: never notes, events or agents' details
 * beyond the first name the portal shows.
 *
 * <p>The cases are written as they are read, a page at a time, so a customer with thousands of
 * cases gets all of them without the whole file being held in memory.
 */
@Service
class MyData {

    /** How many cases are read at once while the file is written. */
    static final int CASES_PER_READ = 100;

    record Export(
            Instant exportedAt,
            Record customer,
            List<IdentityData> identities,
            Map<String, FieldData> fields,
            List<Change> history,
            List<SuggestionData> suggestions,
            List<MergeData> merges,
            List<ErasureData> erasureRequests) {}

    record Record(UUID id, String displayName, Instant createdAt) {}

    /** A chat visitor's identity is her browser's token, which nobody can read: only its kind is given. */
    record IdentityData(String kind, @Nullable String value, boolean verified) {}

    record FieldData(String value, String setBy, Instant setAt) {}

    record Change(
            String by,
            String field,
            @Nullable String before,
            @Nullable String after,
            Instant at) {}

    record SuggestionData(String field, String value, String state, Instant suggestedAt) {}

    record MergeData(String state, UUID sourceId, UUID targetId, Instant updatedAt) {}

    record ErasureData(
            String state, Instant requestedAt, @Nullable String note) {}

    record CaseData(long number, String subject, String status, Instant updatedAt, List<MessageData> messages) {}

    record MessageData(String from, String text, Instant at) {}

    private final CustomerManagement customers;
    private final SuggestionManagement suggestions;
    private final MergeManagement merges;
    private final ErasureManagement erasures;
    private final PortalCases cases;
    private final JsonMapper json;
    private final Clock clock;

    MyData(
            CustomerManagement customers,
            SuggestionManagement suggestions,
            MergeManagement merges,
            ErasureManagement erasures,
            PortalCases cases,
            JsonMapper json,
            Clock clock) {
        this.customers = customers;
        this.suggestions = suggestions;
        this.merges = merges;
        this.erasures = erasures;
        this.cases = cases;
        this.json = json;
        this.clock = clock;
    }

    /** Writes her data as one JSON object: {@link Export}'s fields, then {@code cases}, every one. */
    void write(CustomerId id, OutputStream out) {
        try (var generator = json.createGenerator(out)) {
            generator.writeStartObject();
            json.valueToTree(of(id)).properties().forEach(property -> {
                generator.writeName(property.getKey());
                generator.writeTree(property.getValue());
            });
            generator.writeName("cases");
            generator.writeStartArray();
            String cursor = null;
            do {
                var slice = cases.mine(id, cursor, CASES_PER_READ);
                for (var row : slice.items()) {
                    generator.writePOJO(caseData(id, row));
                }
                generator.flush();
                cursor = slice.nextCursor();
            } while (cursor != null);
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    @Transactional(readOnly = true)
    Export of(CustomerId id) {
        var customer = customers.find(id);
        var fields = new TreeMap<String, FieldData>();
        customer.fields()
                .forEach((key, field) -> fields.put(
                        key, new FieldData(field.value(), field.setBy().value(), field.setAt())));
        return new Export(
                clock.instant(),
                new Record(id.value(), customer.displayName(), customer.createdAt()),
                customer.identities().stream()
                        .map(i -> new IdentityData(
                                i.kind().value(), i.kind() == IdentityKind.CHAT ? null : i.value(), i.verified()))
                        .toList(),
                fields,
                customers.history(id).stream()
                        .map(c -> new Change(c.actor().kind().value(), c.field(), c.before(), c.after(), c.at()))
                        .toList(),
                suggestions.ofCustomer(id).stream()
                        .map(s -> new SuggestionData(
                                s.field(), s.value(), s.state().value(), s.suggestedAt()))
                        .toList(),
                merges.ofCustomer(id).stream()
                        .map(m -> new MergeData(
                                m.state().value(),
                                m.source().value(),
                                m.target().value(),
                                m.updatedAt()))
                        .toList(),
                erasures.ofCustomer(id).stream()
                        .map(e -> new ErasureData(e.state().value(), e.requestedAt(), e.reviewNote()))
                        .toList());
    }

    private CaseData caseData(CustomerId id, PortalCases.Row row) {
        var page = cases.page(id, row.number());
        return new CaseData(
                row.number(),
                row.subject(),
                row.status().value(),
                row.updatedAt(),
                page.messages().stream()
                        .map(m -> new MessageData(
                                m.fromCustomer() ? "you" : m.agentFirstName() == null ? "team" : m.agentFirstName(),
                                m.text(),
                                m.at()))
                        .toList());
    }
}
